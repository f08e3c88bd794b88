package io.mqchat.presence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.protocol.Presence;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PresenceStore} must do. An implementation's test extends this and returns an empty store from
 * {@link #store()} for each test.
 */
public abstract class PresenceStoreContract {

    /** An empty store; called once per test. */
    protected abstract PresenceStore store();

    @Test
    void aUserNeverSeenIsOfflineWithoutLastSeenAndVersionZero() {
        UserPresence bob = store().read("bob");
        assertFalse(bob.online());
        assertNull(bob.lastSeen());
        assertEquals(Privacy.EVERYONE, bob.privacy());
        assertEquals(0, bob.version());
        assertFalse(bob.unpublished());
    }

    @Test
    void aConnectMakesTheUserOnlineAndUnpublished() {
        UserPresence bob = store().connected("bob", "phone", "b1/1", 1000);
        assertTrue(bob.online());
        assertTrue(bob.unpublished());
        assertEquals(Presence.online("bob", 1000), bob.toPresence());
        assertEquals(Set.of("phone"), store().connectedDevices("bob"));
    }

    @Test
    void theLastDisconnectMakesTheUserOfflineWithItsLastActivityAsLastSeen() {
        PresenceStore store = store();
        store.connected("bob", "phone", "b1/1", 1000);
        UserPresence bob = store.disconnected("bob", "b1/1", 1500, 9000);
        assertFalse(bob.online());
        assertEquals(1500L, bob.lastSeen());
        assertEquals(Presence.offline("bob", 1500, 9000), bob.toPresence());
        assertTrue(store.connectedDevices("bob").isEmpty());
    }

    @Test
    void aUserWithTwoDevicesStaysOnlineUntilBothAreGone() {
        PresenceStore store = store();
        store.connected("bob", "phone", "b1/1", 1000);
        UserPresence both = store.connected("bob", "laptop", "b1/2", 1100);
        UserPresence one = store.disconnected("bob", "b1/1", 1200, 1200);
        assertTrue(one.online());
        assertEquals(both.version(), one.version(), "nothing others see changed");
        assertEquals(Set.of("laptop"), store.connectedDevices("bob"));
        UserPresence none = store.disconnected("bob", "b1/2", 1300, 1300);
        assertFalse(none.online());
        assertEquals(1300L, none.lastSeen());
    }

    @Test
    void aDisconnectAppliedBeforeItsConnectLeavesTheDeviceOffline() {
        PresenceStore store = store();
        store.disconnected("bob", "b1/1", 1500, 2000);
        UserPresence bob = store.connected("bob", "phone", "b1/1", 1000);
        assertFalse(bob.online());
        assertEquals(1500L, bob.lastSeen());
        assertTrue(store.connectedDevices("bob").isEmpty());
    }

    @Test
    void aReconnectingDeviceStaysOnlineWhenTheOldConnectionsEndArrivesLast() {
        PresenceStore store = store();
        store.connected("bob", "phone", "b1/1", 1000);
        store.connected("bob", "phone", "b1/2", 2000);
        UserPresence bob = store.disconnected("bob", "b1/1", 1900, 2000);
        assertTrue(bob.online());
        assertEquals(Set.of("phone"), store.connectedDevices("bob"));
    }

    @Test
    void applyingAnEventTwiceChangesNothingTheSecondTime() {
        PresenceStore store = store();
        UserPresence first = store.connected("bob", "phone", "b1/1", 1000);
        UserPresence again = store.connected("bob", "phone", "b1/1", 1000);
        assertEquals(first, again);
        store.disconnected("bob", "b1/1", 1500, 2000);
        UserPresence off = store.disconnected("bob", "b1/1", 1500, 2000);
        UserPresence offAgain = store.disconnected("bob", "b1/1", 1500, 2000);
        assertEquals(off, offAgain);
    }

    @Test
    void lastSeenNeverMovesBackwards() {
        PresenceStore store = store();
        store.connected("bob", "phone", "b1/1", 1000);
        store.active("bob", "b1/1", 5000, 5000);
        UserPresence bob = store.disconnected("bob", "b1/1", 3000, 6000);
        assertEquals(5000L, bob.lastSeen());
    }

    @Test
    void activityWhileOnlineChangesNothingOthersSee() {
        PresenceStore store = store();
        UserPresence online = store.connected("bob", "phone", "b1/1", 1000);
        UserPresence active = store.active("bob", "b1/1", 2000, 2000);
        assertEquals(online.version(), active.version());
        assertEquals(online.since(), active.since());
    }

    @Test
    void privacyNobodyHidesTheUserAndEveryoneShowsItAgain() {
        PresenceStore store = store();
        UserPresence online = store.connected("bob", "phone", "b1/1", 1000);
        UserPresence hidden = store.setPrivacy("bob", Privacy.NOBODY, 2000);
        assertEquals(Privacy.NOBODY, hidden.privacy());
        assertTrue(hidden.version() > online.version());
        assertEquals(Presence.hidden("bob", 2000), hidden.toPresence());

        UserPresence stillHidden = store.disconnected("bob", "b1/1", 2500, 3000);
        assertEquals(hidden.version(), stillHidden.version(), "hidden stays hidden whatever the devices do");
        assertEquals(Presence.hidden("bob", 2000), stillHidden.toPresence());

        UserPresence shown = store.setPrivacy("bob", Privacy.EVERYONE, 4000);
        assertEquals(Presence.offline("bob", 2500, 4000), shown.toPresence());
    }

    @Test
    void privacyOfAUserNeverSeenIsKept() {
        PresenceStore store = store();
        store.setPrivacy("carol", Privacy.NOBODY, 1000);
        UserPresence carol = store.connected("carol", "phone", "b1/1", 2000);
        assertTrue(carol.online());
        assertEquals(Presence.hidden("carol", 1000), carol.toPresence());
    }

    @Test
    void aNewBrokerRunEndsTheConnectionsOfTheOldRunWithTheirLastActivity() {
        PresenceStore store = store();
        store.brokerStarted("b1", 100);
        store.connected("bob", "phone", "b1/1", 1000);
        store.active("bob", "b1/1", 4000, 4000);
        store.connected("alice", "phone", "b1/2", 1000);
        store.brokerStarted("b2", 9000);
        assertEquals(Set.of("alice", "bob"), Set.copyOf(store.usersWithConnections()));

        UserPresence bob = store.sweepGoneRuns("bob", 9000);
        store.sweepGoneRuns("alice", 9000);
        assertFalse(bob.online());
        assertEquals(4000L, bob.lastSeen());
        assertEquals(Presence.offline("bob", 4000, 9000), bob.toPresence());
        assertTrue(store.usersWithConnections().isEmpty());
    }

    @Test
    void aNodeOfAClusterStartingEndsOnlyItsOwnEarlierRuns() {
        PresenceStore store = store();
        store.brokerStarted("node-1", "a1", 100);
        store.brokerStarted("node-2", "b1", 200);
        store.connected("bob", "phone", "a1/1", 1000);
        store.connected("carol", "phone", "b1/1", 1000);

        store.brokerStarted("node-2", "b2", 9000);
        assertTrue(store.sweepGoneRuns("bob", 9000).online(), "node-1's connection goes on");
        assertFalse(store.sweepGoneRuns("carol", 9000).online(), "node-2's earlier run is gone");

        store.brokerStarted("node-1", "a2", 9500);
        assertFalse(store.sweepGoneRuns("bob", 9500).online());
    }

    @Test
    void aConnectOfAGoneRunArrivingLateIsIgnored() {
        PresenceStore store = store();
        store.brokerStarted("b1", 100);
        store.brokerStarted("b2", 9000);
        UserPresence bob = store.connected("bob", "phone", "b1/7", 1000);
        assertFalse(bob.online());
    }

    @Test
    void connectionsOfTheNewRunSurviveItsAnnouncementArrivingAfterThem() {
        PresenceStore store = store();
        store.brokerStarted("b1", 100);
        store.connected("bob", "phone", "b1/1", 1000);
        store.connected("bob", "laptop", "b2/1", 9500);
        store.brokerStarted("b2", 9000);
        UserPresence bob = store.sweepGoneRuns("bob", 9000);
        assertTrue(bob.online());
        assertEquals(Set.of("laptop"), store.connectedDevices("bob"));
    }

    @Test
    void aLateAnnouncementOfAnOlderRunDoesNotEndTheNewerRun() {
        PresenceStore store = store();
        store.brokerStarted("b2", 9000);
        store.connected("bob", "phone", "b2/1", 9500);
        store.brokerStarted("b1", 100);
        UserPresence bob = store.sweepGoneRuns("bob", 100);
        assertTrue(bob.online());
        store.connected("bob", "laptop", "b1/3", 200);
        assertEquals(Set.of("phone"), store.connectedDevices("bob"), "b1 is gone: its late connect does not count");
    }

    @Test
    void announcingTheSameRunAgainChangesNothing() {
        PresenceStore store = store();
        store.brokerStarted("b1", 100);
        store.connected("bob", "phone", "b1/1", 1000);
        store.brokerStarted("b1", 100);
        assertTrue(store.sweepGoneRuns("bob", 100).online());
    }

    @Test
    void markPublishedNeverLowersThePublishedVersion() {
        PresenceStore store = store();
        store.connected("bob", "phone", "b1/1", 1000);
        UserPresence off = store.disconnected("bob", "b1/1", 1000, 2000);
        store.markPublished("bob", off.version());
        store.markPublished("bob", off.version() - 1);
        UserPresence bob = store.read("bob");
        assertEquals(off.version(), bob.publishedVersion());
        assertFalse(bob.unpublished());
        assertTrue(store.connected("bob", "phone", "b1/2", 3000).unpublished());
    }

    @Test
    void readReturnsWhatTheLastChangeReturned() {
        PresenceStore store = store();
        store.connected("bob", "phone", "b1/1", 1000);
        UserPresence off = store.disconnected("bob", "b1/1", 1200, 2000);
        assertEquals(off, store.read("bob"));
    }

    @Test
    void userIdsWithColonsAndUnicodeAreKeptApart() {
        PresenceStore store = store();
        store.connected("a:b", "phone", "b1/1", 1000);
        assertFalse(store.read("a").online());
        assertTrue(store.read("a:b").online());
        assertTrue(store.connected("zoë", "phone", "b1/2", 1000).online());
    }
}
