package io.mqchat.archive.expiry;

import io.mqchat.archive.store.ArchiveStore;
import io.mqchat.archive.store.ArchiveUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes disappeared messages from the archive every interval. Reads never return them anyway; the sweep keeps
 * them from lingering in storage, because the embedded store never enforces the TTL index and MongoDB's TTL monitor
 * lags by up to a minute. Every instance sweeps: a delete by expiry time is idempotent, so two sweeps only repeat
 * each other's work.
 */
public final class ExpirySweep implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweep.class);

    private final ArchiveStore store;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "archive-expiry-sweep");
        thread.setDaemon(true);
        return thread;
    });
    private boolean failing;

    /**
     * @param store    the archive
     * @param clock    what "now" is for expiry
     * @param interval the time between sweeps
     */
    public ExpirySweep(ArchiveStore store, Clock clock, Duration interval) {
        this.store = store;
        this.clock = clock;
        this.interval = interval;
    }

    /** Sweeps every interval from now on, the first time one interval from now. */
    public void start() {
        timer.scheduleWithFixedDelay(this::sweepQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Deletes what has disappeared by now.
     *
     * @return how many messages were deleted
     * @throws ArchiveUnavailableException when MongoDB cannot be reached
     */
    public long sweepOnce() {
        long deleted = store.deleteExpired(clock.millis());
        if (deleted > 0) {
            LOG.debug("deleted {} disappeared messages", deleted);
        }
        return deleted;
    }

    private void sweepQuietly() {
        try {
            sweepOnce();
            failing = false;
        } catch (ArchiveUnavailableException e) {
            // Once per outage: the next sweep tries again, and reads filter disappeared messages meanwhile.
            if (!failing) {
                LOG.warn("cannot delete disappeared messages now ({}); will try again", e.getMessage());
            }
            failing = true;
        } catch (RuntimeException e) {
            LOG.error("the expiry sweep failed", e);
        }
    }

    /** Stops sweeping; a sweep under way is interrupted. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
