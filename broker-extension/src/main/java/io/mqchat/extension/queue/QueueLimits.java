package io.mqchat.extension.queue;

/**
 * How many messages the broker queues for whom. A device gets the configured {@code queue.limit} (its oldest
 * messages are dropped beyond it, and history sync recovers them); the workers' sessions (one per lane of each
 * feed) get {@link #WORKER}, because their queues are all the durability the archive, group fan-out and presence
 * have while a worker is down.
 */
public final class QueueLimits {

    /** Messages queued for a worker's session while it is busy or down. */
    public static final long WORKER = 1_000_000;

    private QueueLimits() {
    }
}
