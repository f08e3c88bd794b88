package io.mqchat.server.shutdown;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * Stops the server on SIGTERM or Ctrl-C (SIGINT), and on any other JVM shutdown.
 *
 * <p>SIGTERM and SIGINT are handled directly rather than through a shutdown hook alone: a JVM that a signal
 * shuts down exits with 128 + the signal number even after a clean shutdown, and service managers read that as
 * a failure. With the signals caught, the main thread closes the broker and the process exits with 0. A shutdown
 * hook still covers every other way the JVM can end (SIGHUP, {@code System.exit}); it asks the main thread to
 * stop and waits for the broker to close.
 */
public final class TerminationSignals implements StopSignal {

    /** Longer than HiveMQ's own shutdown (about 4 s), short enough not to hang a machine shutdown. */
    private static final long HOOK_WAIT_SECONDS = 60;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stopFromHook, "mqchat-shutdown");

    private TerminationSignals() {
    }

    /** Takes over SIGTERM and SIGINT for this process and registers the shutdown hook. */
    public static TerminationSignals install() {
        TerminationSignals signals = new TerminationSignals();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> signals.stopRequested.countDown());
            } catch (IllegalArgumentException e) {
                // The platform has no such signal (TERM on Windows); the shutdown hook covers it.
            }
        }
        Runtime.getRuntime().addShutdownHook(signals.hook);
        return signals;
    }

    @Override
    public void await() throws InterruptedException {
        stopRequested.await();
    }

    @Override
    public void close() {
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, possibly in this very hook; nothing to remove.
        }
    }

    private void stopFromHook() {
        stopRequested.countDown();
        try {
            stopped.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
