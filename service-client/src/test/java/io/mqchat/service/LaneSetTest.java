package io.mqchat.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.protocol.ServiceTopics;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaneSetTest {

    @Test
    void allNamesEveryLane() {
        assertEquals(ServiceTopics.LANES, LaneSet.parse("all").orElseThrow().lanes().size());
        assertEquals(LaneSet.everyLane(), LaneSet.parse("0-" + (ServiceTopics.LANES - 1)).orElseThrow());
    }

    @Test
    void lanesAndRangesCombine() {
        LaneSet set = LaneSet.parse(" 0, 2 ,9-11").orElseThrow();
        assertEquals(List.of(0, 2, 9, 10, 11), set.lanes());
        assertEquals("0,2,9-11", set.toString());
    }

    @Test
    void malformedOrOutOfRangeSettingsAreRefused() {
        for (String bad : List.of("", "x", "3-1", "1-2-3", "-1", "0,,1", String.valueOf(ServiceTopics.LANES), "0-99", "+1")) {
            assertTrue(LaneSet.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void aKeyAlwaysMapsToTheSameLaneAndKeysSpreadOverAllLanes() {
        assertEquals(ServiceTopics.laneOf("trip-2026"), ServiceTopics.laneOf("trip-2026"));
        // Pinned: extensions and workers of different versions must agree on where a key's items go.
        assertEquals(List.of(7, 4, 0), List.of(ServiceTopics.laneOf("alice"), ServiceTopics.laneOf("bob"),
                ServiceTopics.laneOf(ServiceTopics.conversationKey("bob", "alice"))));
        boolean[] seen = new boolean[ServiceTopics.LANES];
        for (int i = 0; i < 1000; i++) {
            seen[ServiceTopics.laneOf("group-" + i)] = true;
        }
        for (boolean lane : seen) {
            assertTrue(lane, "every lane gets keys");
        }
    }
}
