package io.mqchat.bench.load;

import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed rate, senders in turn. Each message is stamped with the time it was due, not the
 * time it left, so a stalled broker (or a stalled generator) shows up in the latencies instead of quietly
 * lowering the rate (coordinated omission). Sending pauses while more than {@code maxOutstanding} messages
 * are incomplete, which bounds the broker's queues when the rate is more than it can carry.
 */
public final class FixedRate {

    private FixedRate() {
    }

    /** Sends at {@code perSecond} from {@code startNanos} until {@code untilNanos}; returns messages sent. */
    public static long run(Workload traffic, double perSecond, long startNanos, long untilNanos, long maxOutstanding) {
        traffic.onComplete(sender -> { });
        double period = 1e9 / perSecond;
        long sent = 0;
        while (true) {
            long due = startNanos + (long) (sent * period);
            if (due >= untilNanos) {
                return sent;
            }
            long now;
            while ((now = traffic.nanos()) < due) {
                LockSupport.parkNanos(due - now);
            }
            while (traffic.outstanding() > maxOutstanding && traffic.nanos() < untilNanos) {
                LockSupport.parkNanos(200_000);
            }
            if (!traffic.send((int) (sent % traffic.senders()), due)) {
                return sent;
            }
            sent++;
        }
    }
}
