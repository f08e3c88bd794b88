package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.ModifiablePublishPacket;
import io.mqchat.extension.archive.ArchiveFeed;
import io.mqchat.extension.metrics.ChatMetrics;
import io.mqchat.extension.outbox.Outbox;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.ReadMarker;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.Topics;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Routes a read marker: the reader's publish becomes a READ receipt in the peer's receipts topic, and the
 * reader's other devices get the same marker so that their unread counts follow, and so does the archive. A marker the
 * reader does not share (read receipts off) goes only to its other devices and the archive.
 */
final class ReadMarkerRouter implements RequestRouter {

    private final Codec codec;
    private final Outbox outbox;
    private final ChatMetrics metrics;
    private final ArchiveFeed archive;
    private final Clock clock;

    ReadMarkerRouter(Codec codec, Outbox outbox, ChatMetrics metrics, ArchiveFeed archive, Clock clock) {
        this.codec = codec;
        this.outbox = outbox;
        this.metrics = metrics;
        this.archive = archive;
        this.clock = clock;
    }

    @Override
    public Routed route(Request request, PublishInboundOutput output, byte[] payload)
            throws ProtocolException {
        ModifiablePublishPacket publish = output.getPublishPacket();
        RoutedPublish.requireAcknowledged(publish, "read markers");
        ReadMarker read = codec.decodeMarker(payload);
        String reader = request.sender().user();
        String peer = request.target().target();
        long now = clock.millis();

        Receipt marker = Receipt.read(read.upTo(), reader, peer, now);
        if (!read.shared()) {
            // Read receipts off: the reader's other devices and the archive learn it, the peer does not.
            marker = marker.unshared();
            RoutedPublish.rewrite(publish, Topics.receipts(reader), codec.encode(marker), request.sender().clientId());
        } else {
            RoutedPublish.rewrite(publish, Topics.receipts(peer),
                    codec.encode(Receipt.read(read.upTo(), reader, reader, now)), request.sender().clientId());
            if (!peer.equals(reader)) {
                outbox.publishExceptOrigin(Topics.receipts(reader), marker, request.sender().clientId());
            }
        }
        metrics.readMarkersRouted().inc();
        return Routed.after(archive.readMarked(marker));
    }
}
