package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.ModifiablePublishPacket;
import io.mqchat.extension.presence.Connections;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.PresenceEvent;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.ServiceTopics;
import java.time.Clock;

/** Forwards a user's presence privacy setting to the presence-worker, which stores it and republishes. */
final class PresenceSettingsRouter implements RequestRouter {

    private final Codec codec;
    private final Connections connections;
    private final Clock clock;

    PresenceSettingsRouter(Codec codec, Connections connections, Clock clock) {
        this.codec = codec;
        this.connections = connections;
        this.clock = clock;
    }

    @Override
    public Routed route(Request request, PublishInboundOutput output, byte[] payload)
            throws ProtocolException {
        ModifiablePublishPacket publish = output.getPublishPacket();
        RoutedPublish.requireAcknowledged(publish, "presence settings");
        String privacy = codec.decodePrivacyRequest(payload);
        PresenceEvent event = PresenceEvent.privacy(request.sender().user(), privacy, connections.brokerRun(),
                clock.millis());
        RoutedPublish.rewrite(publish, ServiceTopics.laneFor(ServiceTopics.PRESENCE_EVENTS, request.sender().user()),
                codec.encode(event), request.sender().clientId());
        return NOTHING_FIRST;
    }
}
