package io.mqchat.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether a feed is stalled: some of its work has waited longer than {@code stallAfter} (a store that stays
 * down, a message that cannot be handled, a broker that stopped delivering). Says so once in a WARN line when the feed
 * stalls and once when it moves again, so a stall is never silent.
 */
public final class StallWatch {

    private static final Logger log = LoggerFactory.getLogger(StallWatch.class);

    private final FeedLanes feed;
    private final Duration stallAfter;
    private final AtomicBoolean stalled = new AtomicBoolean();

    public StallWatch(FeedLanes feed, Duration stallAfter) {
        this.feed = feed;
        this.stallAfter = stallAfter;
    }

    /** The feed this watches. */
    public FeedLanes feed() {
        return feed;
    }

    /** True while the feed's oldest waiting work is older than the limit. */
    public boolean stalled() {
        Duration lag = feed.lag();
        boolean now = lag.compareTo(stallAfter) > 0;
        if (stalled.getAndSet(now) != now) {
            if (now) {
                log.warn("feed {} is stalled: work has waited {} s (more than {} s)", feed.feed(), lag.toSeconds(),
                        stallAfter.toSeconds());
            } else {
                log.info("feed {} moves again", feed.feed());
            }
        }
        return now;
    }
}
