package io.mqchat.media.budget;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A decode's time budget. A decoder cannot be stopped from outside, so the deadline tells it in the two ways
 * decoders listen: it runs the hooks registered with {@link #onExpiry} (ImageIO's {@code ImageReader.abort()},
 * which readers check between rows) and {@link #expired()} turns true, which the image's input stream checks on
 * every read, so a decoder waiting for data fails at once.
 */
public final class Deadline implements AutoCloseable {

    private final Duration budget;
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
    private volatile boolean expired;
    private ScheduledFuture<?> alarm;

    private Deadline(Duration budget) {
        this.budget = budget;
    }

    static Deadline start(Duration budget, ScheduledExecutorService timer) {
        Deadline deadline = new Deadline(budget);
        deadline.alarm = timer.schedule(deadline::expire, budget.toNanos(), TimeUnit.NANOSECONDS);
        return deadline;
    }

    /** A deadline that never passes, for checks outside any budget. */
    public static Deadline none() {
        return new Deadline(Duration.ZERO);
    }

    /** True once the budget is spent. */
    public boolean expired() {
        return expired;
    }

    /** The budget, for messages. */
    public Duration budget() {
        return budget;
    }

    /** Runs {@code hook} when the budget is spent (at once if it is). */
    public void onExpiry(Runnable hook) {
        hooks.add(hook);
        if (expired) {
            hook.run();
        }
    }

    private void expire() {
        expired = true;
        hooks.forEach(Runnable::run);
    }

    @Override
    public void close() {
        if (alarm != null) {
            alarm.cancel(false);
        }
    }
}
