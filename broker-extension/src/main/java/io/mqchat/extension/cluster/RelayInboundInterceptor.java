package io.mqchat.extension.cluster;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.UserProperty;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import io.mqchat.cluster.NodeInfo;
import io.mqchat.extension.routing.RoutedMessage;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The home node's side of a relay: takes a publish another node forwarded into a user's tree only while this node
 * serves the user, so that a sender's node with a stale idea of the home learns it (the refusal makes it look again)
 * instead of storing the message where no device of the user will connect. A chat message for a user with no
 * device connected here is handed to {@code arrived} (the offline notification is the home's to send); one whose
 * recipient blocked its sender is acknowledged and dropped.
 */
public final class RelayInboundInterceptor implements PublishInboundInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RelayInboundInterceptor.class);

    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private final HomeDirectory homes;
    private final Consumer<byte[]> chatMessageArrived;
    private final BiPredicate<String, String> blocks;

    /**
     * @param chatMessageArrived told of each relayed chat message (its payload) that this node takes
     * @param blocks             whether a user (first) blocked another (second): a 1-1 message between them is
     *                           acknowledged and dropped
     */
    public RelayInboundInterceptor(HomeDirectory homes, Consumer<byte[]> chatMessageArrived,
                                   BiPredicate<String, String> blocks) {
        this.homes = homes;
        this.chatMessageArrived = chatMessageArrived;
        this.blocks = blocks;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        PublishPacket publish = output.getPublishPacket();
        if (Topics.presenceOwner(publish.getTopic()).isPresent()
                || ServiceTopics.blockListOwner(publish.getTopic()).isPresent()) {
            return; // a user's presence or block list, kept on every node
        }
        Optional<String> user = Topics.userTreeOwner(publish.getTopic());
        if (user.isEmpty()) {
            output.preventPublishDelivery(AckReasonCode.TOPIC_NAME_INVALID,
                    "a relay publishes into users' trees, presence and block lists only");
            return;
        }
        CompletableFuture<Optional<NodeInfo>> home = homes.remoteHome(user.get());
        if (home.isDone() && !home.isCompletedExceptionally()) {
            decide(output, home.join(), user.get());
            return;
        }
        Async<PublishInboundOutput> async = output.async(LOOKUP_TIMEOUT, TimeoutFallback.FAILURE,
                AckReasonCode.UNSPECIFIED_ERROR, "the home of the user could not be looked up");
        home.whenComplete((remote, failure) -> {
            if (failure != null) {
                output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, "the home of the user could not be looked up");
            } else {
                decide(output, remote, user.get());
            }
            async.resume();
        });
    }

    private void decide(PublishInboundOutput output, Optional<NodeInfo> remote, String user) {
        if (remote.isPresent()) {
            output.preventPublishDelivery(AckReasonCode.NOT_AUTHORIZED,
                    "user " + user + " is served by node " + remote.get().id());
            return;
        }
        PublishPacket publish = output.getPublishPacket();
        if (Topics.isInboxOf(publish.getTopic(), user) && isDirectMessage(publish)) {
            if (publish.getUserProperties().getFirst(RoutedMessage.FROM_PROPERTY)
                    .filter(from -> blocks.test(user, from)).isPresent()) {
                output.preventPublishDelivery(); // SENT for the sender, nothing for whom it blocked
                return;
            }
            try {
                chatMessageArrived.accept(RelayPublish.bytes(publish.getPayload()));
            } catch (RuntimeException e) {
                // The notification is extra; the message itself is delivered whatever happened to it.
                log.warn("no offline notification for a relayed message to {}: {}", user, e.toString());
            }
        }
    }

    /** A routed 1-1 message (group members' notifications are the group-worker's). */
    private static boolean isDirectMessage(PublishPacket publish) {
        boolean routed = false;
        for (UserProperty property : publish.getUserProperties().asList()) {
            if (property.getName().equals(RoutedMessage.GROUP_PROPERTY)) {
                return false;
            }
            routed |= property.getName().equals(RoutedMessage.FROM_PROPERTY);
        }
        return routed;
    }
}
