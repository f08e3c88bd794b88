package io.mqchat.client.internal;

import io.mqchat.client.ExpiredMessage;
import java.time.Clock;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The disappearing messages the app has, by expiry: tells the app about each one when it expires, once. One
 * wake-up is scheduled at a time, for the earliest expiry; waking up too early (a clock that moved back, a
 * wake-up for an entry a newer one preceded) only re-arms. Tests drive {@link #sweep()} themselves. Thread-safe.
 */
public final class Expiries {

    private record Key(String from, String id) {
    }

    private record Entry(long expiresAt, Key key, ExpiredMessage message) {
    }

    private final Clock clock;
    private final Scheduler scheduler;
    private final Consumer<ExpiredMessage> listener;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> Long.compare(a.expiresAt, b.expiresAt));
    private final Set<Key> tracked = new HashSet<>();
    /** When the pending wake-up fires; Long.MAX_VALUE when none is pending. */
    private long wakeUpAt = Long.MAX_VALUE;
    private boolean closed;

    public Expiries(Clock clock, Scheduler scheduler, Consumer<ExpiredMessage> listener) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    /** Tells the app when {@code message} expires, unless it is told already. */
    public void track(ExpiredMessage message) {
        long expiresAt = message.expiredAt().toEpochMilli();
        Long delay = null;
        synchronized (this) {
            Key key = new Key(message.from(), message.id());
            if (closed || !tracked.add(key)) {
                return;
            }
            queue.add(new Entry(expiresAt, key, message));
            if (expiresAt < wakeUpAt) {
                wakeUpAt = expiresAt;
                delay = Math.max(0, expiresAt - clock.millis());
            }
        }
        if (delay != null) {
            scheduler.schedule(this::sweep, delay);
        }
    }

    /** Tells the app about every message expired by now, earliest first, and arms the next wake-up. */
    public void sweep() {
        while (true) {
            Entry due;
            synchronized (this) {
                Entry next = queue.peek();
                if (closed || next == null) {
                    wakeUpAt = Long.MAX_VALUE;
                    return;
                }
                long now = clock.millis();
                if (next.expiresAt > now) {
                    wakeUpAt = next.expiresAt;
                    scheduler.schedule(this::sweep, next.expiresAt - now);
                    return;
                }
                due = queue.poll();
                tracked.remove(due.key);
            }
            Listeners.deliver(listener, due.message);
        }
    }

    /** How many messages wait for their expiry; for tests. */
    synchronized int size() {
        return queue.size();
    }

    /** Stops telling: the client is closed. */
    public synchronized void close() {
        closed = true;
        queue.clear();
        tracked.clear();
    }
}
