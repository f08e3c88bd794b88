package io.mqchat.client.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    @Test
    void aRepeatedMessageIsReportedOnlyTheFirstTime() {
        Deduplicator seen = new Deduplicator(10);

        assertTrue(seen.firstSeen("alice", "m1"));
        assertFalse(seen.firstSeen("alice", "m1"));
        assertFalse(seen.firstSeen("alice", "m1"));
    }

    @Test
    void theSameIdFromAnotherSenderIsAnotherMessage() {
        Deduplicator seen = new Deduplicator(10);

        assertTrue(seen.firstSeen("alice", "m1"));
        assertTrue(seen.firstSeen("bob", "m1"));
    }

    @Test
    void beyondItsCapacityItForgetsTheLeastRecentlySeenMessage() {
        Deduplicator seen = new Deduplicator(2);
        seen.firstSeen("alice", "m1");
        seen.firstSeen("alice", "m2");
        seen.firstSeen("alice", "m1"); // seen again: now more recent than m2

        seen.firstSeen("alice", "m3");

        assertFalse(seen.firstSeen("alice", "m1"));
        assertTrue(seen.firstSeen("alice", "m2"));
    }
}
