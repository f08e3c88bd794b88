package io.mqchat.bench.scenarios;

import io.mqchat.bench.load.Workload;
import io.mqchat.bench.stats.LatencySummary;

/**
 * The one user who floods, as the flood scenario drives and measures it: its workload, and what became of the
 * messages it sent in a phase. Closing disconnects its devices.
 */
interface Flooder extends AutoCloseable {

    /** {@code group flood} or {@code 1-1 flood}. */
    String phase();

    Workload workload();

    /** Messages sent so far: a phase is the range between two positions. */
    int position();

    /** Grows while the flood's messages (or their receipts) still arrive; a drain waits while it moves. */
    long progress(int from, int to);

    /** True when every message in [from, to) reached every recipient. */
    boolean complete(int from, int to);

    /** What became of the messages in [from, to), counting as within the phase what arrived by {@code endNanos}. */
    Tally tally(int from, int to, long endNanos);

    @Override
    void close();

    /**
     * @param sent            messages sent
     * @param accepted        messages that reached every recipient
     * @param refused         messages that reached nobody
     * @param deliveriesByEnd deliveries (one per recipient) within the phase
     * @param latency         send → delivered (to the last recipient)
     */
    record Tally(int sent, int accepted, int refused, long deliveriesByEnd, LatencySummary latency) {
    }
}
