package io.mqchat.archive.ingest;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * How far the feed has come: the messages archived, and how late the latest one was archived. Written by the feed,
 * read by the metrics at any time from any thread.
 */
public final class FeedProgress {

    /** The latest message archived: its server time and the archive's time when it was archived. */
    private record Latest(long serverTs, long archivedAt) {
    }

    private final LongAdder archived = new LongAdder();
    private final AtomicReference<Latest> latest = new AtomicReference<>();

    /** Records one message archived (or archived again: the feed is at least once). */
    public void archived(long serverTs, long archivedAt) {
        archived.increment();
        latest.set(new Latest(serverTs, archivedAt));
    }

    /** Messages archived since the process started, a redelivered one counting again. */
    public long archivedMessages() {
        return archived.sum();
    }

    /**
     * How long after the broker stamped it the latest message was archived, in milliseconds (never negative, though
     * the two clocks may disagree); 0 before the first. It stays put while nothing arrives: a feed that has stopped
     * shows in {@link #latestServerTs()} and the counter, not here.
     */
    public long lagMillis() {
        Latest last = latest.get();
        return last == null ? 0 : Math.max(0, last.archivedAt() - last.serverTs());
    }

    /** The server time of the latest message archived, empty before the first. */
    public OptionalLong latestServerTs() {
        Latest last = latest.get();
        return last == null ? OptionalLong.empty() : OptionalLong.of(last.serverTs());
    }
}
