package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.packets.publish.ModifiablePublishPacket;
import io.mqchat.extension.metrics.ChatMetrics;
import io.mqchat.extension.outbox.Outbox;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.MessageIds;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Topics;
import java.time.Clock;

/**
 * Routes a 1-1 chat message: stamps sender, recipient, server time and (if absent) an id, and rewrites the
 * sender's publish into the recipient's inbox. Rewriting the publish itself, rather than publishing a new
 * one, keeps SENT honest: the sender's PUBACK follows only once the routed message is in the broker's
 * durable queue. A copy goes to the sender's own inbox for the sender's other devices.
 */
final class ChatRouter {

    private final Codec codec;
    private final Outbox outbox;
    private final ChatMetrics metrics;
    private final Clock clock;

    ChatRouter(Codec codec, Outbox outbox, ChatMetrics metrics, Clock clock) {
        this.codec = codec;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    void route(Request request, ModifiablePublishPacket publish, byte[] payload) throws ProtocolException {
        RoutedPublish.requireAcknowledged(publish, "chat messages");
        ChatMessage message = codec.decodeOutgoing(payload);
        String sender = request.sender().user();
        String recipient = request.target().peer();
        String id = message.id() != null ? message.id() : MessageIds.newId();
        byte[] routed = codec.encode(message.stamped(id, sender, recipient, clock.millis()));

        RoutedPublish.rewrite(publish, Topics.inbox(recipient), routed, request.sender().clientId());
        publish.getUserProperties().addUserProperty(RoutedMessage.ID_PROPERTY, id);
        publish.getUserProperties().addUserProperty(RoutedMessage.FROM_PROPERTY, sender);
        if (!recipient.equals(sender)) {
            outbox.publish(Topics.inbox(sender), routed, request.sender().clientId());
        }
        metrics.messagesRouted().inc();
    }
}
