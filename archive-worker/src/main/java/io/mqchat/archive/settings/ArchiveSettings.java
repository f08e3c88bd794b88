package io.mqchat.archive.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * What the archive-worker component needs, wherever it runs (its MongoDB is the group-worker's).
 *
 * @param sweepInterval how often disappeared messages are deleted
 * @param pageMaxBytes  the largest history answer, in bytes
 */
public record ArchiveSettings(Duration sweepInterval, int pageMaxBytes) {

    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(1);
    public static final int DEFAULT_PAGE_MAX_BYTES = 128 * 1024;

    public ArchiveSettings {
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("archive.sweep-interval must be positive");
        }
        if (pageMaxBytes < 1) {
            throw new IllegalArgumentException("archive.page-max-bytes must be positive");
        }
    }

    public static ArchiveSettings defaults() {
        return new ArchiveSettings(DEFAULT_SWEEP_INTERVAL, DEFAULT_PAGE_MAX_BYTES);
    }

    public ArchiveSettings withSweepInterval(Duration interval) {
        return new ArchiveSettings(interval, pageMaxBytes);
    }

    public ArchiveSettings withPageMaxBytes(int bytes) {
        return new ArchiveSettings(sweepInterval, bytes);
    }
}
