package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.ModifiablePublishPacket;
import io.mqchat.extension.metrics.ChatMetrics;
import io.mqchat.extension.outbox.Outbox;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.MessageIds;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Topics;
import java.nio.ByteBuffer;
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
        if (publish.getQos() == Qos.AT_MOST_ONCE) {
            throw new ProtocolException(io.mqchat.protocol.ErrorCode.QOS_REQUIRED,
                    "chat messages must be published with QoS 1 so they can be stored and acknowledged");
        }
        ChatMessage message = codec.decodeOutgoing(payload);
        String sender = request.sender().user();
        String recipient = request.target().peer();
        String id = message.id() != null ? message.id() : MessageIds.newId();
        byte[] routed = codec.encode(message.stamped(id, sender, recipient, clock.millis()));

        publish.setTopic(Topics.inbox(recipient));
        publish.setPayload(ByteBuffer.wrap(routed));
        publish.setRetain(false);
        publish.getUserProperties().addUserProperty(RoutedMessage.ID_PROPERTY, id);
        publish.getUserProperties().addUserProperty(RoutedMessage.FROM_PROPERTY, sender);
        publish.getUserProperties().addUserProperty(Outbox.ORIGIN_PROPERTY, request.sender().clientId());
        if (!recipient.equals(sender)) {
            outbox.publish(Topics.inbox(sender), routed, request.sender().clientId());
        }
        metrics.messagesRouted().inc();
    }
}
