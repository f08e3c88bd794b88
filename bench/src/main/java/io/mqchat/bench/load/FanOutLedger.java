package io.mqchat.bench.load;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Every message sent to one group, and what became of it at each recipient: when it was sent, when each
 * recipient first got it, how many copies each got, and how many DELIVERED receipts came back. A message is
 * all-delivered once every recipient has it, and its all-delivered latency is its latest first arrival. Fixed
 * capacity (messages × recipients entries), so recording never allocates on the network threads.
 */
public final class FanOutLedger {

    private final int recipients;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray sentAt;
    private final AtomicIntegerArray reached;
    private final AtomicIntegerArray receipts;
    /** Per (message, recipient), at {@code seq * recipients + recipient}. */
    private final AtomicIntegerArray copies;
    private final AtomicLongArray arrivedAt;

    /** A ledger for {@code capacity} messages to {@code recipients} recipients each. */
    public FanOutLedger(int capacity, int recipients) {
        if (capacity < 1 || recipients < 1 || (long) capacity * recipients > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("capacity " + capacity + " × recipients " + recipients + " out of range");
        }
        this.recipients = recipients;
        sentAt = new AtomicLongArray(capacity);
        reached = new AtomicIntegerArray(capacity);
        receipts = new AtomicIntegerArray(capacity);
        copies = new AtomicIntegerArray(capacity * recipients);
        arrivedAt = new AtomicLongArray(capacity * recipients);
    }

    /** A ledger holding at most {@code maxDeliveries} member deliveries: as many messages as that allows. */
    public static FanOutLedger forDeliveries(long maxDeliveries, int recipients) {
        return new FanOutLedger((int) Math.max(1, Math.min(Integer.MAX_VALUE / recipients, maxDeliveries / recipients)),
                recipients);
    }

    public int recipients() {
        return recipients;
    }

    public int capacity() {
        return sentAt.length();
    }

    /** The next sequence number, stamped with its send time, or -1 once the ledger is full. */
    public int reserve(long sentNanos) {
        int seq = next.getAndIncrement();
        if (seq >= capacity()) {
            next.set(capacity());
            return -1;
        }
        sentAt.set(seq, sentNanos);
        return seq;
    }

    /** Sequence numbers handed out so far: a phase is the range between two positions. */
    public int position() {
        return Math.min(next.get(), capacity());
    }

    public boolean known(int seq) {
        return seq >= 0 && seq < position();
    }

    /**
     * Records that {@code recipient} (0 to recipients - 1) got message {@code seq}; true when this arrival made
     * the message all-delivered (later copies are duplicates at the app and never complete anything).
     */
    public boolean delivered(int seq, int recipient, long nanos) {
        if (recipient < 0 || recipient >= recipients) {
            throw new IllegalArgumentException("no recipient " + recipient);
        }
        int slot = seq * recipients + recipient;
        if (copies.getAndIncrement(slot) != 0) {
            return false;
        }
        arrivedAt.set(slot, nanos);
        return reached.incrementAndGet(seq) == recipients;
    }

    /** Records a DELIVERED receipt for message {@code seq} at its sender (one is due per recipient). */
    public void receipted(int seq) {
        receipts.incrementAndGet(seq);
    }

    /** How many messages in [from, to) every recipient has. */
    public int allDelivered(int from, int to) {
        int done = 0;
        for (int seq = from; seq < to; seq++) {
            if (reached.get(seq) == recipients) {
                done++;
            }
        }
        return done;
    }

    /** How many messages in [from, to) no recipient got: refused, or lost entirely. */
    public int reachedNone(int from, int to) {
        int none = 0;
        for (int seq = from; seq < to; seq++) {
            if (reached.get(seq) == 0) {
                none++;
            }
        }
        return none;
    }

    /** DELIVERED receipts counted for the messages in [from, to). */
    public long receipts(int from, int to) {
        long count = 0;
        for (int seq = from; seq < to; seq++) {
            count += receipts.get(seq);
        }
        return count;
    }

    /** What became of the messages in [from, to), counting as "within the phase" what arrived by {@code endNanos}. */
    public Tally tally(int from, int to, long endNanos) {
        int n = to - from;
        long[] allDeliveredLatency = new long[n];
        long[] deliveryLatency = new long[n * recipients];
        int allDelivered = 0;
        int allDeliveredByEnd = 0;
        int deliveries = 0;
        long deliveriesByEnd = 0;
        long duplicates = 0;
        long receiptCount = 0;
        for (int seq = from; seq < to; seq++) {
            long sent = sentAt.get(seq);
            long latest = Long.MIN_VALUE;
            for (int r = 0; r < recipients; r++) {
                int slot = seq * recipients + r;
                int c = copies.get(slot);
                if (c == 0) {
                    continue;
                }
                long at = arrivedAt.get(slot);
                deliveryLatency[deliveries++] = at - sent;
                duplicates += c - 1;
                if (at - endNanos <= 0) {
                    deliveriesByEnd++;
                }
                if (latest == Long.MIN_VALUE || at - latest > 0) {
                    latest = at;
                }
            }
            // The latest arrival rather than the one that incremented the count last: both are the same moment
            // but the arrival times are complete before the count, so this never reads a time not yet written.
            if (reached.get(seq) == recipients) {
                allDeliveredLatency[allDelivered++] = latest - sent;
                if (latest - endNanos <= 0) {
                    allDeliveredByEnd++;
                }
            }
            receiptCount += receipts.get(seq);
        }
        return new Tally(n, recipients, allDelivered, allDeliveredByEnd, deliveries, deliveriesByEnd, duplicates,
                receiptCount, allDeliveredLatency, deliveryLatency);
    }

    /**
     * Counts and raw latencies (nanoseconds) of a range of messages.
     *
     * @param messages             messages sent
     * @param recipients           recipients of each
     * @param allDelivered         messages every recipient got
     * @param allDeliveredByEnd    of those, the ones whose last recipient got it by the end of the phase
     * @param deliveries           distinct member deliveries (a recipient's first copy of a message)
     * @param deliveriesByEnd      of those, the ones that arrived by the end of the phase
     * @param duplicates           copies beyond a recipient's first
     * @param receipts             DELIVERED receipts at the sender
     * @param allDeliveredLatencyNanos send → last recipient, first {@code allDelivered} entries valid
     * @param deliveryLatencyNanos send → each recipient, first {@code deliveries} entries valid
     */
    public record Tally(int messages, int recipients, int allDelivered, int allDeliveredByEnd, int deliveries,
                        long deliveriesByEnd, long duplicates, long receipts, long[] allDeliveredLatencyNanos,
                        long[] deliveryLatencyNanos) {

        public long expectedDeliveries() {
            return (long) messages * recipients;
        }

        /** Member deliveries that never came. */
        public long lost() {
            return expectedDeliveries() - deliveries;
        }
    }
}
