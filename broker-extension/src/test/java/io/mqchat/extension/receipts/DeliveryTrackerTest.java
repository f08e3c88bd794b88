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
        tracker.written("bob:phone", 1, 1, "m1", "alice", null);
        tracker.written("bob:tablet", 1, 1, "m1", "alice", null);
        assertEquals("m1", tracker.acknowledged("bob:phone", 1, true).orElseThrow().messageId());
        assertTrue(tracker.acknowledged("bob:phone", 1, true).isEmpty(), "a second PUBACK is no second delivery");
        assertEquals("alice", tracker.acknowledged("bob:tablet", 1, true).orElseThrow().sender());
    }

    @Test
    void aReusedPacketIdMeansTheNewestMessage() {
        tracker.written("bob:phone", 7, 7, "old", "alice", null);
        tracker.written("bob:phone", 7, 7, "new", "carol", null);
        PendingDelivery delivery = tracker.acknowledged("bob:phone", 7, true).orElseThrow();
        assertEquals("new", delivery.messageId());
        assertEquals("carol", delivery.sender());
    }

    @Test
    void aPacketIdReusedForAnUntrackedWriteNoLongerNamesTheOldMessage() {
        tracker.written("bob:phone", 1, 1, "lost-with-the-session", "alice", null);
        tracker.writtenUntracked("bob:phone", 1, 0);
        assertTrue(tracker.acknowledged("bob:phone", 1, true).isEmpty(), "a PUBACK of the receipt is no delivery");
    }

    @Test
    void anErrorPubackIsNoDeliveryAndEndsTheFlow() {
        tracker.written("bob:phone", 2, 2, "m2", "alice", null);
        assertTrue(tracker.acknowledged("bob:phone", 2, false).isEmpty());
        assertEquals(0, tracker.size());
    }

    @Test
    void writesWithoutPubackExpireAfterTheTtl() {
        tracker.written("bob:phone", 3, 3, "m3", "alice", null);
        clock.advance(Duration.ofMinutes(9));
        tracker.written("bob:phone", 4, 4, "m4", "alice", null);
        assertEquals(0, tracker.sweep());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, tracker.sweep());
        assertTrue(tracker.acknowledged("bob:phone", 3, true).isEmpty());
        assertEquals("m4", tracker.acknowledged("bob:phone", 4, true).orElseThrow().messageId());
    }

    @Test
    void aDiscardedSessionForgetsOnlyThatDevice() {
        tracker.written("bob:phone", 1, 1, "m1", "alice", null);
        tracker.written("bob:tablet", 1, 1, "m1", "alice", null);
        assertEquals(1, tracker.forget("bob:phone"));
        assertTrue(tracker.acknowledged("bob:phone", 1, true).isEmpty());
        assertTrue(tracker.acknowledged("bob:tablet", 1, true).isPresent());
    }

    @Test
    void theResendOfAnAcknowledgedWriteIsRecognisedOnce() {
        tracker.written("bob:phone", 5, 42, "m5", "alice", null);
        tracker.acknowledged("bob:phone", 5, true);
        assertTrue(tracker.isAcknowledgedResend("bob:phone", 5, 42));
        assertTrue(!tracker.isAcknowledgedResend("bob:phone", 5, 42), "only one re-send is dropped per acknowledgement");
    }

    @Test
    void aResendOfAWriteNotYetAcknowledgedOrOfAnotherMessageIsDelivered() {
        tracker.writtenUntracked("bob:phone", 6, 42);
        assertTrue(!tracker.isAcknowledgedResend("bob:phone", 6, 42), "never acknowledged");
        tracker.acknowledged("bob:phone", 6, true);
        assertTrue(!tracker.isAcknowledgedResend("bob:phone", 6, 43), "another payload under the same packet id");
        assertTrue(!tracker.isAcknowledgedResend("bob:tablet", 6, 42), "another device");
    }

    @Test
    void aNewWriteUnderTheSamePacketIdEndsWhatTheAcknowledgementSaid() {
        tracker.writtenUntracked("bob:phone", 7, 42);
        tracker.acknowledged("bob:phone", 7, true);
        tracker.writtenUntracked("bob:phone", 7, 42);
        assertTrue(!tracker.isAcknowledgedResend("bob:phone", 7, 42), "the broker re-sends the new write, not the old");
    }

    @Test
    void anAcknowledgementLongSettledOrOfAFreshSessionIsForgotten() {
        tracker.writtenUntracked("bob:phone", 8, 42);
        tracker.acknowledged("bob:phone", 8, true);
        clock.advance(Duration.ofMillis(AcknowledgedWrites.SETTLE_MILLIS + 1));
        tracker.writtenUntracked("bob:phone", 9, 43);
        tracker.acknowledged("bob:phone", 9, true);
        assertTrue(!tracker.isAcknowledgedResend("bob:phone", 8, 42), "settled: the broker applied it long ago");
        tracker.forget("bob:phone");
        assertTrue(!tracker.isAcknowledgedResend("bob:phone", 9, 43), "a new session has nothing to re-send");
    }
}
