package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.ModifiablePublishPacket;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.GroupRequest;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.ServiceTopics;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Forwards a group administration request to the group-worker, stamped with the requesting user and device.
 * The request's shape is checked here, so a malformed one is answered at once instead of travelling on.
 */
final class GroupRequestRouter implements RequestRouter {

    private final Codec codec;
    private final Clock clock;

    GroupRequestRouter(Codec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> route(Request request, PublishInboundOutput output, byte[] payload)
            throws ProtocolException {
        ModifiablePublishPacket publish = output.getPublishPacket();
        RoutedPublish.requireAcknowledged(publish, "group requests");
        GroupRequest stamped = codec.decodeGroupRequest(payload)
                .stamped(request.sender().user(), request.sender().device(), clock.millis());
        // A group's requests share its lane; one that names no group yet (create, mine) goes to the requester's.
        String laneKey = stamped.group() != null ? stamped.group() : stamped.by();
        RoutedPublish.rewriteRequest(publish, ServiceTopics.laneFor(ServiceTopics.GROUP_REQUESTS, laneKey),
                codec.encode(stamped),
                request.sender().clientId(), request.sender().user());
        return NOTHING_FIRST;
    }
}
