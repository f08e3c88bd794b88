package io.mqchat.protocol;

import java.util.List;

/**
 * Several envelopes for the same topic in one publish. The server coalesces what piles up for a topic while its
 * previous publish there is still being stored (DELIVERED receipts for a busy sender, the archive feed), so a burst
 * costs the broker one queued message instead of one per item. Items keep their order and are never batches
 * themselves; a reader handles each item exactly as if it had arrived alone.
 *
 * @param items the envelopes, in the order they were produced
 */
public record Batch(List<Envelope> items) implements Envelope {

    public static final String TYPE = "batch";

    public Batch {
        items = List.copyOf(items);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
