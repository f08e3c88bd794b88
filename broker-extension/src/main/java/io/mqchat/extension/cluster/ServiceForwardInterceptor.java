package io.mqchat.extension.cluster;

import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import io.mqchat.extension.routing.PubackHold;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A worker's publish into the tree of a user homed on another node (a group member's copy, a group event) goes to
 * that node, and the worker's acknowledgement waits until that node stored it: a worker acknowledges its own input
 * only after its publishes were acknowledged, so nothing it sent is lost with this node. A user's retained presence
 * goes to every node as well, where contacts on any node read it, and so does a user's block list, which any node
 * may need: the one that routes a message to the user, the one it moves to.
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
        String topic = output.getPublishPacket().getTopic();
        if (Topics.presenceOwner(topic).isPresent() || ServiceTopics.blockListOwner(topic).isPresent()) {
            crossNode.broadcast(output.getPublishPacket());
            return;
        }
        CompletableFuture<Boolean> forwarded = crossNode.forwardIfRemote(output.getPublishPacket());
        if (PubackHold.needed(forwarded)) {
            PubackHold.until(output, forwarded, HOLD, NOT_STORED, () -> { });
        }
    }
}
