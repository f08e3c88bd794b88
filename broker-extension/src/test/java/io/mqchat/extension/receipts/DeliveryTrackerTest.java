package io.mqchat.extension.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryTrackerTest {

    private final ManualClock clock = new ManualClock(1000000);
    private final DeliveryTracker tracker = new DeliveryTracker(clock, Duration.ofMinutes(10));

    @Test
    void aPubackCompletesTheMessageWrittenWithItsPacketId() {
        tracker.written("bob:phone", 1, "m1", "alice");
        tracker.written("bob:tablet", 1, "m1", "alice");
        assertEquals("m1", tracker.acknowledged("bob:phone", 1, true).orElseThrow().messageId());
        assertTrue(tracker.acknowledged("bob:phone", 1, true).isEmpty(), "a second PUBACK is no second delivery");
        assertEquals("alice", tracker.acknowledged("bob:tablet", 1, true).orElseThrow().sender());
    }

    @Test
    void aReusedPacketIdMeansTheNewestMessage() {
        tracker.written("bob:phone", 7, "old", "alice");
        tracker.written("bob:phone", 7, "new", "carol");
        PendingDelivery delivery = tracker.acknowledged("bob:phone", 7, true).orElseThrow();
        assertEquals("new", delivery.messageId());
        assertEquals("carol", delivery.sender());
    }

    @Test
    void aPacketIdReusedForAnUntrackedWriteNoLongerNamesTheOldMessage() {
        tracker.written("bob:phone", 1, "lost-with-the-session", "alice");
        tracker.writtenUntracked("bob:phone", 1);
        assertTrue(tracker.acknowledged("bob:phone", 1, true).isEmpty(), "a PUBACK of the receipt is no delivery");
    }

    @Test
    void anErrorPubackIsNoDeliveryAndEndsTheFlow() {
        tracker.written("bob:phone", 2, "m2", "alice");
        assertTrue(tracker.acknowledged("bob:phone", 2, false).isEmpty());
        assertEquals(0, tracker.size());
    }

    @Test
    void writesWithoutPubackExpireAfterTheTtl() {
        tracker.written("bob:phone", 3, "m3", "alice");
        clock.advance(Duration.ofMinutes(9));
        tracker.written("bob:phone", 4, "m4", "alice");
        assertEquals(0, tracker.sweep());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, tracker.sweep());
        assertTrue(tracker.acknowledged("bob:phone", 3, true).isEmpty());
        assertEquals("m4", tracker.acknowledged("bob:phone", 4, true).orElseThrow().messageId());
    }

    @Test
    void aDiscardedSessionForgetsOnlyThatDevice() {
        tracker.written("bob:phone", 1, "m1", "alice");
        tracker.written("bob:tablet", 1, "m1", "alice");
        assertEquals(1, tracker.forget("bob:phone"));
        assertTrue(tracker.acknowledged("bob:phone", 1, true).isEmpty());
        assertTrue(tracker.acknowledged("bob:tablet", 1, true).isPresent());
    }
}
