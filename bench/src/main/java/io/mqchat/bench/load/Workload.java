package io.mqchat.bench.load;

import java.util.function.IntConsumer;

/**
 * What {@link ClosedLoop} and {@link FixedRate} drive: numbered senders that send one message at a time and
 * report when a message completed (whatever completion means for the traffic: delivered, receipted, or
 * delivered to every member of a group).
 */
public interface Workload {

    /** How many senders take turns. */
    int senders();

    /** Sends one message from {@code sender}, stamped {@code sentNanos}; false once no more can be recorded. */
    boolean send(int sender, long sentNanos);

    /** Messages sent but not yet complete. */
    long outstanding();

    /** Who hears about completions (by sender); the closed loop sends its next message from there. */
    void onComplete(IntConsumer listener);

    /** The monotonic clock latencies are measured with. */
    long nanos();
}
