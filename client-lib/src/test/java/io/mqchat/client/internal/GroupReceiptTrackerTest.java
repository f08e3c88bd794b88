package io.mqchat.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.groups.GroupMessageStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupReceiptTrackerTest {

    private final List<GroupMessageStatus> changes = new ArrayList<>();
    private final GroupReceiptTracker alice = new GroupReceiptTracker("alice", 100, changes::add);

    @Test
    void theRecipientsAreTheMembersAtSendTimeButTheSender() {
        alice.sent("m1", "g", List.of("alice", "bob", "carol"));

        GroupMessageStatus status = alice.status("m1").orElseThrow();
        assertEquals(Set.of("bob", "carol"), status.recipients());
        assertFalse(status.deliveredToAll());
    }

    @Test
    void deliveredToAllOnceEveryRecipientHasItRegardlessOfDevicesAndRepeats() {
        alice.sent("m1", "g", List.of("alice", "bob", "carol"));

        alice.delivered("m1", "bob");
        alice.delivered("m1", "bob");
        alice.delivered("m1", "alice"); // a copy reaching another device of the sender
        assertFalse(alice.status("m1").orElseThrow().deliveredToAll());
        alice.delivered("m1", "carol");

        assertTrue(alice.status("m1").orElseThrow().deliveredToAll());
        assertEquals(2, changes.size());
    }

    @Test
    void aReadMarkerCoversEveryEarlierMessageOfTheGroupAndCountsAsDelivered() {
        alice.sent("m1", "g", List.of("alice", "bob"));
        alice.sent("m2", "g", List.of("alice", "bob"));
        alice.received("g", "from-bob");
        alice.sent("m3", "g", List.of("alice", "bob"));
        alice.sent("other", "h", List.of("alice", "bob"));

        alice.read("g", "from-bob", "bob");

        assertTrue(alice.status("m1").orElseThrow().readByAll());
        assertTrue(alice.status("m2").orElseThrow().deliveredToAll());
        assertFalse(alice.status("m3").orElseThrow().readByAll());
        assertFalse(alice.status("other").orElseThrow().readByAll());
    }

    @Test
    void aReadMarkerForAnUnknownMessageChangesNothing() {
        alice.sent("m1", "g", List.of("alice", "bob"));

        alice.read("g", "never-seen", "bob");

        assertEquals(Set.of(), alice.status("m1").orElseThrow().readBy());
        assertTrue(changes.isEmpty());
    }

    @Test
    void withUnknownMembersNothingIsAllUntilTheMembersAreKnown() {
        alice.sent("m1", "g", null);
        alice.delivered("m1", "bob");
        assertFalse(alice.status("m1").orElseThrow().deliveredToAll());

        alice.membersKnown("g", List.of("alice", "bob"));

        assertTrue(alice.status("m1").orElseThrow().deliveredToAll());
        assertTrue(changes.get(changes.size() - 1).recipientsKnown());
    }

    @Test
    void beyondItsCapacityTheOldestMessageIsForgotten() {
        GroupReceiptTracker small = new GroupReceiptTracker("alice", 2, changes::add);
        small.sent("m1", "g", List.of("bob"));
        small.sent("m2", "g", List.of("bob"));
        small.sent("m3", "g", List.of("bob"));

        assertEquals(Optional.empty(), small.status("m1"));
        assertTrue(small.status("m3").isPresent());
        small.delivered("m1", "bob");
        assertTrue(changes.isEmpty());
    }
}
