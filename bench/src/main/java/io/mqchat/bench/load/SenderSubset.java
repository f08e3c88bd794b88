package io.mqchat.bench.load;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Some of a workload's senders, as a workload of their own: sender {@code i} here is sender {@code slots[i]} of the
 * whole. Lets one connected fleet run a phase with only some of its conversations (on a cluster: only those whose two
 * users share a node, or only those that cross nodes) without connecting devices again.
 *
 * <p>{@link #outstanding()} is the whole workload's: the phases that use a subset run alone, after the previous
 * phase drained.
 */
public final class SenderSubset implements Workload {

    private final Workload whole;
    private final int[] slots;
    private final int[] indexOfSlot;

    /** {@code slots}: the whole's sender slots that send, in the order they take turns; none twice. */
    public SenderSubset(Workload whole, int[] slots) {
        if (slots.length == 0) {
            throw new IllegalArgumentException("a subset of no senders sends nothing");
        }
        this.whole = whole;
        this.slots = slots.clone();
        this.indexOfSlot = new int[whole.senders()];
        Arrays.fill(indexOfSlot, -1);
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] < 0 || slots[i] >= whole.senders() || indexOfSlot[slots[i]] >= 0) {
                throw new IllegalArgumentException("sender slot " + slots[i] + " is not one of " + whole.senders()
                        + ", or listed twice");
            }
            indexOfSlot[slots[i]] = i;
        }
    }

    @Override
    public int senders() {
        return slots.length;
    }

    @Override
    public boolean send(int sender, long sentNanos) {
        return whole.send(slots[sender], sentNanos);
    }

    @Override
    public long outstanding() {
        return whole.outstanding();
    }

    /** Hears of the subset's completions only, numbered as here; a straggler of another sender is not news. */
    @Override
    public void onComplete(IntConsumer listener) {
        whole.onComplete(slot -> {
            int index = indexOfSlot[slot];
            if (index >= 0) {
                listener.accept(index);
            }
        });
    }

    @Override
    public long nanos() {
        return whole.nanos();
    }
}
