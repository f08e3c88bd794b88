package io.mqchat.archive.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * What the archive-worker component needs, wherever it runs (its MongoDB is the group-worker's).
 *
 * @param sweepInterval how often disappeared messages are deleted
 * @param pageMaxBytes  the largest history answer, in bytes
 * @param editWindow    how long after sending a sender may edit a message
 * @param deleteWindow  how long after sending a sender (or a group admin) may delete a message for everyone
 * @param changeWait    how long an edit, delete or reaction that came before its message waits for it (0: refused at
 *                      once, right for one node, where it cannot overtake its message)
 */
public record ArchiveSettings(Duration sweepInterval, int pageMaxBytes, Duration editWindow, Duration deleteWindow,
                              Duration changeWait) {

    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(1);
    public static final int DEFAULT_PAGE_MAX_BYTES = 128 * 1024;
    /** WhatsApp's. */
    public static final Duration DEFAULT_EDIT_WINDOW = Duration.ofMinutes(15);
    /** WhatsApp's is about two and a half days; two days is a round figure near it. */
    public static final Duration DEFAULT_DELETE_WINDOW = Duration.ofDays(2);
    /** What a node of several waits: longer than an archive-worker's backlog after a restart (docs/CLUSTER.md). */
    public static final Duration CLUSTER_CHANGE_WAIT = Duration.ofMinutes(2);

    public ArchiveSettings {
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("archive.sweep-interval must be positive");
        }
        if (pageMaxBytes < 1) {
            throw new IllegalArgumentException("archive.page-max-bytes must be positive");
        }
        Objects.requireNonNull(editWindow, "editWindow");
        Objects.requireNonNull(deleteWindow, "deleteWindow");
        Objects.requireNonNull(changeWait, "changeWait");
        if (editWindow.isNegative() || deleteWindow.isNegative() || changeWait.isNegative()) {
            throw new IllegalArgumentException(
                    "archive.edit-window, archive.delete-window and archive.change-wait must not be negative");
        }
    }

    public static ArchiveSettings defaults() {
        return new ArchiveSettings(DEFAULT_SWEEP_INTERVAL, DEFAULT_PAGE_MAX_BYTES, DEFAULT_EDIT_WINDOW,
                DEFAULT_DELETE_WINDOW, Duration.ZERO);
    }

    public ArchiveSettings withSweepInterval(Duration interval) {
        return new ArchiveSettings(interval, pageMaxBytes, editWindow, deleteWindow, changeWait);
    }

    public ArchiveSettings withPageMaxBytes(int bytes) {
        return new ArchiveSettings(sweepInterval, bytes, editWindow, deleteWindow, changeWait);
    }

    public ArchiveSettings withEditWindow(Duration window) {
        return new ArchiveSettings(sweepInterval, pageMaxBytes, window, deleteWindow, changeWait);
    }

    public ArchiveSettings withDeleteWindow(Duration window) {
        return new ArchiveSettings(sweepInterval, pageMaxBytes, editWindow, window, changeWait);
    }

    public ArchiveSettings withChangeWait(Duration wait) {
        return new ArchiveSettings(sweepInterval, pageMaxBytes, editWindow, deleteWindow, wait);
    }
}
