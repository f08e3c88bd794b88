package io.mqchat.bench.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The line the benchmark prints every few seconds while it runs, so a long run visibly moves: elapsed time
 * and whatever the current step reports.
 */
public final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final LongSupplier nanos;
    private final long startNanos;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "progress");
        t.setDaemon(true);
        return t;
    });
    private volatile Supplier<String> status = () -> "starting";

    public Progress(PrintStream out, LongSupplier nanos, long periodMillis) {
        this.out = out;
        this.nanos = nanos;
        this.startNanos = nanos.getAsLong();
        timer.scheduleAtFixedRate(this::print, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** What the progress line says from now on. */
    public void status(Supplier<String> supplier) {
        this.status = supplier;
    }

    /** Prints a line now, e.g. at a step's start or end. */
    public void say(String line) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", elapsedSeconds(), line);
    }

    private void print() {
        try {
            say(status.get());
        } catch (RuntimeException e) {
            // a status supplier racing a step's teardown; the next tick will do
        }
    }

    private double elapsedSeconds() {
        return (nanos.getAsLong() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
