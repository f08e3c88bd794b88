package io.mqchat.presence;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or Ctrl-C. The signals are caught rather than left to a shutdown hook so that the worker
 * closes on the main thread and the process exits with 0, which service managers read as a clean stop.
 */
final class Termination {

    private final CountDownLatch requested = new CountDownLatch(1);

    private Termination() {
    }

    static Termination install() {
        Termination termination = new Termination();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> termination.requested.countDown());
            } catch (IllegalArgumentException e) {
                // No such signal on this platform (TERM on Windows): the JVM's default handling applies.
            }
        }
        return termination;
    }

    void await() throws InterruptedException {
        requested.await();
    }
}
