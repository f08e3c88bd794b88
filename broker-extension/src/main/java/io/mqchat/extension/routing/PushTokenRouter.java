package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.ModifiablePublishPacket;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.PushTokenRequest;
import io.mqchat.protocol.ServiceTopics;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Forwards a device's push token request to the presence-worker, which stores the tokens, stamped with the user and
 * device it comes from: a device can only ever register or remove its own token. It goes on the user's lane of the
 * presence events, so a user's requests are applied in order, and the rewritten publish is the worker's queued copy,
 * so the device's PUBACK means the request is stored for the worker.
 */
final class PushTokenRouter implements RequestRouter {

    private final Codec codec;
    private final Clock clock;

    PushTokenRouter(Codec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> route(Request request, PublishInboundOutput output, byte[] payload)
            throws ProtocolException {
        ModifiablePublishPacket publish = output.getPublishPacket();
        RoutedPublish.requireAcknowledged(publish, "push token requests");
        PushTokenRequest stamped = codec.decodePushTokenRequest(payload)
                .stamped(request.sender().user(), request.sender().device(), clock.millis());
        RoutedPublish.rewrite(publish, ServiceTopics.laneFor(ServiceTopics.PRESENCE_EVENTS, request.sender().user()),
                codec.encode(stamped), request.sender().clientId());
        return NOTHING_FIRST;
    }
}
