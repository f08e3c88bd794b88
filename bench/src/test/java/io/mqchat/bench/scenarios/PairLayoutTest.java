package io.mqchat.bench.scenarios;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PairLayoutTest {

    @Test
    void onOneNodeEveryoneLivesTogether() {
        PairLayout layout = PairLayout.of(5, 1);
        assertEquals(10, layout.devices());
        IntStream.range(0, 10).forEach(d -> assertEquals(0, layout.home(d)));
        assertEquals(0.0, layout.crossShare());
        assertEquals(0, layout.senders(true).length);
    }

    @Test
    void onThreeNodesTwoPairsInThreeCrossAndEveryNodeHomesAsManyUsers() {
        PairLayout layout = PairLayout.of(9, 3);
        int[] users = new int[3];
        IntStream.range(0, layout.devices()).forEach(d -> users[layout.home(d)]++);
        assertArrayEquals(new int[] {6, 6, 6}, users);
        assertEquals(2.0 / 3, layout.crossShare(), 1e-9);
        // pairs 0-2 share a node, 3-8 cross
        assertFalse(layout.crosses(0));
        assertFalse(layout.crosses(5));
        assertTrue(layout.crosses(6));
        assertTrue(layout.crosses(7));
        assertEquals(layout.crosses(6), layout.crosses(PairLayout.peer(6)));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, layout.senders(false));
    }

    @Test
    void aHundredPairsOnThreeNodesCrossTwoThirdsOrSo() {
        PairLayout layout = PairLayout.of(100, 3);
        assertEquals(0.66, layout.crossShare(), 1e-9);
        assertEquals(200, layout.senders(true).length + layout.senders(false).length);
    }

    @Test
    void usersAreNamedByPair() {
        assertEquals("a0", PairLayout.user(0));
        assertEquals("b0", PairLayout.user(1));
        assertEquals("b41", PairLayout.user(83));
        assertEquals(82, PairLayout.peer(83));
    }
}
