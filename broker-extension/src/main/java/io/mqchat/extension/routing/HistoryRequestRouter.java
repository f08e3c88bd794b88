package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.ModifiablePublishPacket;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.HistoryRequest;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.ServiceTopics;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Forwards a history sync request to the archive, stamped with the requesting user and device. The request's
 * shape (op, conversation, cursors, limit) is checked here, so a malformed one is answered at once; who may read
 * what is the archive's to decide, as only it knows the conversations.
 */
final class HistoryRequestRouter implements RequestRouter {

    private final Codec codec;
    private final Clock clock;

    HistoryRequestRouter(Codec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> route(Request request, PublishInboundOutput output, byte[] payload)
            throws ProtocolException {
        ModifiablePublishPacket publish = output.getPublishPacket();
        RoutedPublish.requireAcknowledged(publish, "history requests");
        HistoryRequest stamped = codec.decodeHistoryRequest(payload)
                .stamped(request.sender().user(), request.sender().device(), clock.millis());
        RoutedPublish.rewriteRequest(publish,
                ServiceTopics.laneFor(ServiceTopics.HISTORY_REQUESTS, request.sender().user()), codec.encode(stamped),
                request.sender().clientId(), request.sender().user());
        return NOTHING_FIRST;
    }
}
