package io.mqchat.bench.load;

import java.util.concurrent.locks.LockSupport;

/**
 * Saturation load: every sender keeps {@code window} messages outstanding and sends the next one the moment
 * one completes. The broker's pace sets the rate, and queues cannot grow without bound the way they do when
 * an open loop outruns the broker.
 */
public final class ClosedLoop {

    private ClosedLoop() {
    }

    /** Runs until {@code untilNanos}; new sends stop then, outstanding messages are left to drain. */
    public static void run(Workload traffic, int window, long untilNanos) {
        traffic.onComplete(sender -> {
            long now = traffic.nanos();
            if (now < untilNanos) {
                traffic.send(sender, now);
            }
        });
        for (int w = 0; w < window; w++) {
            for (int sender = 0; sender < traffic.senders(); sender++) {
                traffic.send(sender, traffic.nanos());
            }
        }
        long left;
        while ((left = untilNanos - traffic.nanos()) > 0) {
            LockSupport.parkNanos(Math.min(left, 50_000_000L));
        }
        traffic.onComplete(sender -> { });
    }
}
