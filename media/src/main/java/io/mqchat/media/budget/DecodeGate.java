package io.mqchat.media.budget;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Who may decode now. A decode enters with the memory its header says it needs and gets a {@link Permit}: at most
 * {@code slots} decodes at once (they are CPU-bound), together never more than {@code memoryBytes}, each for at most
 * {@code timeout}. A decode that cannot enter within {@code timeout} is told so; the caller answers "busy".
 */
public final class DecodeGate {

    private static final long KIB = 1024;

    private final Semaphore slots;
    private final Semaphore memoryKib;
    private final int totalKib;
    private final long memoryBytes;
    private final Duration timeout;
    private final ScheduledExecutorService timer;

    /**
     * @param timer runs the deadlines; owned by the caller, which shuts it down
     */
    public DecodeGate(int slots, long memoryBytes, Duration timeout, ScheduledExecutorService timer) {
        this.slots = new Semaphore(slots, true);
        this.totalKib = (int) Math.min(Integer.MAX_VALUE, memoryBytes / KIB);
        this.memoryKib = new Semaphore(totalKib, true);
        this.memoryBytes = memoryBytes;
        this.timeout = timeout;
        this.timer = timer;
    }

    /** The most one decode may need: more is never let in. */
    public long memoryBytes() {
        return memoryBytes;
    }

    /**
     * Waits up to the timeout for a slot and {@code bytes} of memory (at most {@link #memoryBytes}); empty when
     * they did not come.
     */
    public Optional<Permit> enter(long bytes) throws InterruptedException {
        int kib = (int) Math.min(totalKib, Math.max(1, (bytes + KIB - 1) / KIB));
        long waitNanos = timeout.toNanos();
        long started = System.nanoTime();
        if (!slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
            return Optional.empty();
        }
        long left = waitNanos - (System.nanoTime() - started);
        if (!memoryKib.tryAcquire(kib, Math.max(0, left), TimeUnit.NANOSECONDS)) {
            slots.release();
            return Optional.empty();
        }
        return Optional.of(new Permit(this, kib, Deadline.start(timeout, timer)));
    }

    private void leave(int kib) {
        memoryKib.release(kib);
        slots.release();
    }

    /** A decode's right to run: its memory, its slot and its {@link Deadline}; closing gives them back. */
    public static final class Permit implements AutoCloseable {

        private final DecodeGate gate;
        private final int kib;
        private final Deadline deadline;
        private boolean closed;

        private Permit(DecodeGate gate, int kib, Deadline deadline) {
            this.gate = gate;
            this.kib = kib;
            this.deadline = deadline;
        }

        public Deadline deadline() {
            return deadline;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                deadline.close();
                gate.leave(kib);
            }
        }
    }
}
