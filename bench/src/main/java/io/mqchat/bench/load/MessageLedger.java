package io.mqchat.bench.load;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntPredicate;

/**
 * Every message of one broker run, by sequence number: when it was sent, when it first arrived, when its
 * receipt first arrived, and how often each came. Fixed capacity, so a run's message count is bounded and
 * recording never allocates on the network threads.
 */
public final class MessageLedger {

    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray sentAt;
    private final AtomicLongArray deliveredAt;
    private final AtomicLongArray receiptAt;
    private final AtomicIntegerArray deliveries;
    private final AtomicIntegerArray receipts;
    private final AtomicIntegerArray senders;

    public MessageLedger(int capacity) {
        sentAt = new AtomicLongArray(capacity);
        deliveredAt = new AtomicLongArray(capacity);
        receiptAt = new AtomicLongArray(capacity);
        deliveries = new AtomicIntegerArray(capacity);
        receipts = new AtomicIntegerArray(capacity);
        senders = new AtomicIntegerArray(capacity);
    }

    public int capacity() {
        return sentAt.length();
    }

    /** The next sequence number, stamped with its sender and send time, or -1 once the ledger is full. */
    public int reserve(int sender, long sentNanos) {
        int seq = next.getAndIncrement();
        if (seq >= capacity()) {
            next.set(capacity());
            return -1;
        }
        senders.set(seq, sender);
        sentAt.set(seq, sentNanos);
        return seq;
    }

    /** Sequence numbers handed out so far: a phase is the range between two positions. */
    public int position() {
        return Math.min(next.get(), capacity());
    }

    public int senderOf(int seq) {
        return senders.get(seq);
    }

    /** Records an arrival; true for the first one (later ones are duplicates at the app). */
    public boolean delivered(int seq, long nanos) {
        return first(deliveries, deliveredAt, seq, nanos);
    }

    /** Records a DELIVERED receipt; true for the first one. */
    public boolean receipted(int seq, long nanos) {
        return first(receipts, receiptAt, seq, nanos);
    }

    public boolean known(int seq) {
        return seq >= 0 && seq < position();
    }

    private static boolean first(AtomicIntegerArray counts, AtomicLongArray times, int seq, long nanos) {
        if (counts.getAndIncrement(seq) == 0) {
            times.set(seq, nanos);
            return true;
        }
        return false;
    }

    /** How many of the messages in [from, to) are complete: delivered, and receipted when receipts count. */
    public int completed(int from, int to, boolean withReceipts) {
        int done = 0;
        for (int seq = from; seq < to; seq++) {
            if (deliveries.get(seq) > 0 && (!withReceipts || receipts.get(seq) > 0)) {
                done++;
            }
        }
        return done;
    }

    /** How many of the messages in [from, to) had completed by {@code nanos}. */
    public int completedBy(int from, int to, long nanos, boolean withReceipts) {
        int done = 0;
        for (int seq = from; seq < to; seq++) {
            if (withReceipts ? receipts.get(seq) > 0 && receiptAt.get(seq) - nanos <= 0
                    : deliveries.get(seq) > 0 && deliveredAt.get(seq) - nanos <= 0) {
                done++;
            }
        }
        return done;
    }

    /** The latest first arrival among the messages in [from, to), or {@code Long.MIN_VALUE} if none arrived. */
    public long latestDelivery(int from, int to) {
        return latest(deliveries, deliveredAt, from, to);
    }

    /** The latest first receipt among the messages in [from, to), or {@code Long.MIN_VALUE} if none came. */
    public long latestReceipt(int from, int to) {
        return latest(receipts, receiptAt, from, to);
    }

    private static long latest(AtomicIntegerArray counts, AtomicLongArray times, int from, int to) {
        long latest = Long.MIN_VALUE;
        for (int seq = from; seq < to; seq++) {
            if (counts.get(seq) > 0 && (latest == Long.MIN_VALUE || times.get(seq) - latest > 0)) {
                latest = times.get(seq);
            }
        }
        return latest;
    }

    /** What became of the messages in [from, to). */
    public Tally tally(int from, int to) {
        return tally(from, to, sender -> true);
    }

    /**
     * What became of the messages in [from, to) whose sender slot {@code senders} accepts: one population of a mixed
     * phase, e.g. the conversations that cross nodes.
     */
    public Tally tally(int from, int to, IntPredicate senders) {
        int n = 0;
        for (int seq = from; seq < to; seq++) {
            if (senders.test(this.senders.get(seq))) {
                n++;
            }
        }
        long[] deliveryLatency = new long[n];
        long[] receiptLatency = new long[n];
        int delivered = 0;
        int receipted = 0;
        long duplicateDeliveries = 0;
        long duplicateReceipts = 0;
        for (int seq = from; seq < to; seq++) {
            if (!senders.test(this.senders.get(seq))) {
                continue;
            }
            int d = deliveries.get(seq);
            int r = receipts.get(seq);
            if (d > 0) {
                deliveryLatency[delivered++] = deliveredAt.get(seq) - sentAt.get(seq);
                duplicateDeliveries += d - 1;
            }
            if (r > 0) {
                receiptLatency[receipted++] = receiptAt.get(seq) - sentAt.get(seq);
                duplicateReceipts += r - 1;
            }
        }
        return new Tally(n, delivered, receipted, duplicateDeliveries, duplicateReceipts, deliveryLatency, receiptLatency);
    }

    /**
     * Counts and raw latencies (nanoseconds, first {@code delivered} / {@code receipted} entries valid) of a
     * range of messages.
     */
    public record Tally(int sent, int delivered, int receipted, long duplicateDeliveries, long duplicateReceipts,
                        long[] deliveryLatencyNanos, long[] receiptLatencyNanos) {

        public int lost() {
            return sent - delivered;
        }
    }
}
