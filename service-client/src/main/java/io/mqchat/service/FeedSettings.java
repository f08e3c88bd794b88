package io.mqchat.service;

import io.mqchat.config.Config;
import java.time.Duration;
import java.util.Objects;

/**
 * How a worker instance consumes its feeds.
 *
 * @param lanes      the lanes it owns ({@code worker.lanes})
 * @param stallAfter how long a feed may have work waiting before readiness fails ({@code worker.stall-after})
 */
public record FeedSettings(LaneSet lanes, Duration stallAfter) {

    public FeedSettings {
        Objects.requireNonNull(lanes, "lanes");
        Objects.requireNonNull(stallAfter, "stallAfter");
    }

    /** The settings of the only instance: every lane, the default stall limit. */
    public static FeedSettings defaults() {
        return new FeedSettings(LaneSet.everyLane(), Duration.ofSeconds(60));
    }

    /** Reads {@link FeedKeys#WORKER_LANES} and {@link FeedKeys#STALL_AFTER} (already validated by the loader). */
    public static FeedSettings of(Config config) {
        return new FeedSettings(config.get(FeedKeys.WORKER_LANES), config.get(FeedKeys.STALL_AFTER));
    }
}
