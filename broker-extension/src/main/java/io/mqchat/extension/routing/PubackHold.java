package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Holds an inbound publish, and so its sender's PUBACK, until what it depends on is stored: copies published beside it,
 * or the publish itself on another node. Then it goes on here, is acknowledged without being delivered here (stored
 * elsewhere, or not to be delivered at all), or is refused with UNSPECIFIED_ERROR so that the sender sends it again.
 * HiveMQ runs nothing else of this client's until the hold ends, so its order is kept. It is the only place that
 * drops a held publish: HiveMQ allows one drop per publish.
 */
public final class PubackHold {

    private PubackHold() {
    }

    /** False when {@code storedElsewhere} already says "delivered here, nothing to wait for". */
    public static boolean needed(CompletableFuture<Boolean> storedElsewhere) {
        return !storedElsewhere.isDone() || storedElsewhere.isCompletedExceptionally() || storedElsewhere.join();
    }

    /**
     * @param storedElsewhere completes with true when the publish is not to be delivered here (another node stored
     *                        it, or it is only acknowledged), false when it goes on here
     * @param notStored       the reason string of a refusal
     * @param onFailure       told of each refusal (a metric)
     */
    public static void until(PublishInboundOutput output, CompletableFuture<Boolean> storedElsewhere, Duration timeout,
                             String notStored, Runnable onFailure) {
        Async<PublishInboundOutput> hold = output.async(timeout, TimeoutFallback.FAILURE,
                AckReasonCode.UNSPECIFIED_ERROR, notStored);
        storedElsewhere.whenComplete((elsewhere, failure) -> {
            if (failure != null) {
                onFailure.run();
                output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, notStored);
            } else if (elsewhere) {
                output.preventPublishDelivery();
            }
            hold.resume();
        });
    }
}
