package io.mqchat.extension.archive;

import io.mqchat.extension.outbox.CoalescingPublisher;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.ServiceTopics;

/**
 * Feeds the archive (the archive-worker's {@link ServiceTopics#ARCHIVE} topic) with every 1-1 message and read
 * marker the extension routes, once each. Publishing is asynchronous, batched under load, and queued for the worker's persistent
 * session, so archiving never slows the 1-1 hot path and waits out an archive that is down. Group traffic is fed
 * by the group-worker, which alone knows who was a member.
 */
public final class ArchiveFeed {

    private final CoalescingPublisher feed;
    private final boolean enabled;

    /**
     * A feed that publishes through {@code feed} (which batches what piles up while a publish is stored), or does
     * nothing when {@code enabled} is false.
     */
    public ArchiveFeed(CoalescingPublisher feed, boolean enabled) {
        this.feed = feed;
        this.enabled = enabled;
    }

    /** A routed 1-1 chat message, exactly as its recipient gets it. */
    public void messageRouted(byte[] routedPayload) {
        if (enabled) {
            feed.publish(ServiceTopics.ARCHIVE, routedPayload);
        }
    }

    /** A routed 1-1 read marker: {@code by} read the conversation with {@code peer} up to {@code upTo}. */
    public void readMarked(Receipt marker) {
        if (enabled) {
            feed.publish(ServiceTopics.ARCHIVE, marker);
        }
    }
}
