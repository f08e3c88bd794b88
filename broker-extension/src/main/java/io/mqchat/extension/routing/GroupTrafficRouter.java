package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.ModifiablePublishPacket;
import io.mqchat.extension.config.DisappearingTimers;
import io.mqchat.extension.metrics.ChatMetrics;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.MessageIds;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.ReadMarker;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.ServiceTopics;
import java.time.Clock;

/**
 * Routes group messages and group read markers to the group-worker, stamped with the sender, the group and
 * the server time. The sender's publish itself is rewritten into the group's lane, so SENT means the message is
 * durable in the queue of the worker session that owns the lane; the worker checks membership and fans it out.
 */
final class GroupTrafficRouter implements RequestRouter {

    private final Codec codec;
    private final ChatMetrics metrics;
    private final DisappearingTimers timers;
    private final Clock clock;

    GroupTrafficRouter(Codec codec, ChatMetrics metrics, DisappearingTimers timers, Clock clock) {
        this.codec = codec;
        this.metrics = metrics;
        this.timers = timers;
        this.clock = clock;
    }

    @Override
    public Routed route(Request request, PublishInboundOutput output, byte[] payload)
            throws ProtocolException {
        ModifiablePublishPacket publish = output.getPublishPacket();
        String sender = request.sender().user();
        String group = request.target().target();
        byte[] routed;
        switch (request.target().action()) {
            case SEND_GROUP -> {
                RoutedPublish.requireAcknowledged(publish, "chat messages");
                Envelope sent = codec.decodeSent(payload);
                if (sent instanceof MessageChange change) {
                    // The group-worker checks membership (and an admin's delete) and hands it to the archive.
                    String id = change.id() != null ? change.id() : MessageIds.newId();
                    routed = codec.encode(change.stampedForGroup(id, sender, group, clock.millis()));
                    metrics.changesRouted().inc();
                } else {
                    ChatMessage message = (ChatMessage) sent;
                    timers.requireOffered(message);
                    String id = message.id() != null ? message.id() : MessageIds.newId();
                    routed = codec.encode(message.stampedForGroup(id, sender, group, clock.millis()));
                    metrics.groupMessagesRouted().inc();
                }
            }
            case READ_GROUP -> {
                RoutedPublish.requireAcknowledged(publish, "read markers");
                ReadMarker read = codec.decodeMarker(payload);
                Receipt marker = Receipt.readInGroup(read.upTo(), sender, group, clock.millis());
                routed = codec.encode(read.shared() ? marker : marker.unshared());
                metrics.readMarkersRouted().inc();
            }
            default -> throw new IllegalArgumentException("not group traffic: " + request.target().action());
        }
        RoutedPublish.rewrite(publish, ServiceTopics.laneFor(ServiceTopics.GROUP_TRAFFIC, group), routed, request.sender().clientId());
        return NOTHING_FIRST;
    }
}
