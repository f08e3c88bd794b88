package io.mqchat.extension.archive;

import io.mqchat.extension.outbox.Outbox;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.ServiceTopics;

/**
 * Feeds the archive (the archive-worker's {@link ServiceTopics#ARCHIVE} topic) with every 1-1 message and read
 * marker the extension routes, once each. Publishing is asynchronous and queued for the worker's persistent
 * session, so archiving never slows the 1-1 hot path and waits out an archive that is down. Group traffic is fed
 * by the group-worker, which alone knows who was a member.
 */
public final class ArchiveFeed {

    private final Outbox outbox;
    private final boolean enabled;

    /** A feed that publishes through {@code outbox}, or does nothing when {@code enabled} is false. */
    public ArchiveFeed(Outbox outbox, boolean enabled) {
        this.outbox = outbox;
        this.enabled = enabled;
    }

    /** A routed 1-1 chat message, exactly as its recipient gets it. */
    public void messageRouted(byte[] routedPayload) {
        if (enabled) {
            outbox.publish(ServiceTopics.ARCHIVE, routedPayload, null);
        }
    }

    /** A routed 1-1 read marker: {@code by} read the conversation with {@code peer} up to {@code upTo}. */
    public void readMarked(Receipt marker) {
        if (enabled) {
            outbox.publish(ServiceTopics.ARCHIVE, marker);
        }
    }
}
