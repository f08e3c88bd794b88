package io.mqchat.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

class SenderSubsetTest {

    /** Five senders that record who sent, and complete on demand. */
    private static final class Recording implements Workload {

        final List<Integer> sent = new ArrayList<>();
        IntConsumer listener = s -> { };

        @Override
        public int senders() {
            return 5;
        }

        @Override
        public boolean send(int sender, long sentNanos) {
            sent.add(sender);
            return true;
        }

        @Override
        public long outstanding() {
            return 7;
        }

        @Override
        public void onComplete(IntConsumer listener) {
            this.listener = listener;
        }

        @Override
        public long nanos() {
            return 42;
        }
    }

    @Test
    void sendsFromItsSlotsAndHearsOnlyOfThem() {
        Recording whole = new Recording();
        SenderSubset subset = new SenderSubset(whole, new int[] {4, 1});
        assertEquals(2, subset.senders());
        subset.send(0, 1);
        subset.send(1, 2);
        assertEquals(List.of(4, 1), whole.sent);
        List<Integer> heard = new ArrayList<>();
        subset.onComplete(heard::add);
        whole.listener.accept(1);
        whole.listener.accept(3);
        whole.listener.accept(4);
        assertEquals(List.of(1, 0), heard);
        assertEquals(7, subset.outstanding());
        assertEquals(42, subset.nanos());
    }

    @Test
    void aClosedLoopOverASubsetKeepsItsWindowPerSubsetSender() {
        Recording whole = new Recording();
        SenderSubset subset = new SenderSubset(whole, new int[] {2, 3});
        ClosedLoop.run(subset, 3, 0);
        assertEquals(List.of(2, 3, 2, 3, 2, 3), whole.sent);
    }

    @Test
    void refusesSlotsThatAreNotThereOrTwice() {
        Recording whole = new Recording();
        assertThrows(IllegalArgumentException.class, () -> new SenderSubset(whole, new int[] {5}));
        assertThrows(IllegalArgumentException.class, () -> new SenderSubset(whole, new int[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new SenderSubset(whole, new int[] {}));
    }
}
