package io.mqchat.extension.cluster;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import io.mqchat.protocol.Topics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A worker's publish into the tree of a user homed on another node (a group member's copy, a group event) goes to
 * that node, and the worker's acknowledgement waits until that node stored it: a worker acknowledges its own input
 * only after its publishes were acknowledged, so nothing it sent is lost with this node. A user's retained presence
 * goes to every node as well, where contacts on any node read it.
 */
public final class ServiceForwardInterceptor implements PublishInboundInterceptor {

    private static final Duration HOLD = Duration.ofSeconds(10);
    private static final String NOT_STORED = "the user's home node did not store it; publish it again";

    private final CrossNode crossNode;

    public ServiceForwardInterceptor(CrossNode crossNode) {
        this.crossNode = crossNode;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        if (Topics.presenceOwner(output.getPublishPacket().getTopic()).isPresent()) {
            crossNode.broadcast(output.getPublishPacket());
            return;
        }
        CompletableFuture<Boolean> forwarded = crossNode.forwardIfRemote(output.getPublishPacket());
        if (forwarded.isDone() && !forwarded.isCompletedExceptionally() && !forwarded.join()) {
            return;
        }
        Async<PublishInboundOutput> hold = output.async(HOLD, TimeoutFallback.FAILURE, AckReasonCode.UNSPECIFIED_ERROR,
                NOT_STORED);
        forwarded.whenComplete((elsewhere, failure) -> {
            if (failure != null) {
                output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, NOT_STORED);
            } else if (elsewhere) {
                output.preventPublishDelivery();
            }
            hold.resume();
        });
    }
}
