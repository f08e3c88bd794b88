package io.mqchat.client.internal;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids for the messages this device sends that sort in sending order: a conversation is ordered by server time,
 * then sender, then id, so two messages of one sender routed in the same millisecond keep their order in the
 * archive (history pages, catch-up) only if their ids do. A fixed-width hexadecimal count that never goes back
 * (clock milliseconds times 4096, or one more than the last) comes first; a random part keeps the ids of the user's
 * other devices apart. Thread-safe.
 */
public final class MessageIdSource {

    private final Clock clock;
    private long last;

    public MessageIdSource(Clock clock) {
        this.clock = clock;
    }

    /** A fresh id: 33 characters of {@code [0-9a-f-]}. */
    public String next() {
        long value;
        synchronized (this) {
            value = Math.max(last + 1, clock.millis() << 12);
            last = value;
        }
        return String.format("%016x-%016x", value, ThreadLocalRandom.current().nextLong());
    }
}
