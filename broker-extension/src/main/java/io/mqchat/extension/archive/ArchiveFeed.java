package io.mqchat.extension.archive;

import io.mqchat.extension.outbox.CoalescingPublisher;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.ServiceTopics;
import java.util.concurrent.CompletableFuture;

/**
 * Feeds the archive (the archive-worker's {@link ServiceTopics#ARCHIVE} lanes, one per conversation) with every 1-1
 * message and read marker the extension routes, once each. Publishing is asynchronous and batched under load; the
 * returned futures complete once the item is stored in the queue of the worker session that owns its lane, and the
 * router holds the sender's acknowledgement until then, so a SENT message is in the archive's feed even if the broker
 * is killed the moment after. Group traffic is fed by the group-worker, which alone knows who was a member.
 */
public final class ArchiveFeed {

    private static final CompletableFuture<Void> OFF = CompletableFuture.completedFuture(null);

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

    /** A routed 1-1 chat message, exactly as its recipient gets it; completes once stored for the archive. */
    public CompletableFuture<Void> messageRouted(ChatMessage stamped, byte[] routedPayload) {
        if (!enabled) {
            return OFF;
        }
        return feed.publish(laneOf(stamped.from(), stamped.to()), routedPayload);
    }

    /** A routed 1-1 read marker: {@code by} read the conversation with {@code peer} up to {@code upTo}. */
    public CompletableFuture<Void> readMarked(Receipt marker) {
        if (!enabled) {
            return OFF;
        }
        return feed.publish(laneOf(marker.by(), marker.peer()), marker);
    }

    /** True when the archive is fed, and so can check and apply edits, deletes and reactions. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The lane of the 1-1 conversation of {@code user} and {@code peer}: a change to one of its messages goes there
     * behind the messages it names, which were stored there before their senders got SENT.
     */
    public static String laneOf(String user, String peer) {
        return ServiceTopics.laneFor(ServiceTopics.ARCHIVE, ServiceTopics.conversationKey(user, peer));
    }
}
