package io.mqchat.presence.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.presence.store.PresenceStore;
import io.mqchat.presence.store.RedisPresenceStore;
import io.mqchat.presence.store.StoreUnavailableException;
import io.mqchat.presence.testing.RedisFixture;
import io.mqchat.protocol.Presence;
import io.mqchat.protocol.PresenceEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/** Events in, retained presence out, against a real Redis; the broker is stood in for by a map of retained messages. */
class PresenceTrackerTest {

    @TempDir
    static Path folder;
    private static RedisFixture redis;

    private final Retained retained = new Retained();
    private PresenceStore store;
    private PresenceTracker tracker;

    @BeforeAll
    static void startRedis() {
        redis = RedisFixture.start(folder);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void emptyRedis() {
        redis.flush();
        store = new RedisPresenceStore(redis.jedis());
        tracker = new PresenceTracker(store, retained);
    }

    @Test
    void aConnectRetainsOnlineAndTheLastDisconnectRetainsOfflineWithTheLastActivity() {
        tracker.apply(PresenceEvent.connected("bob", "phone", "b1/1", "b1", 1000));
        assertEquals(Presence.online("bob", 1000), retained.of("bob"));
        tracker.apply(PresenceEvent.disconnected("bob", "phone", "b1/1", "b1", 1400, 5000));
        assertEquals(Presence.offline("bob", 1400, 5000), retained.of("bob"));
    }

    @Test
    void onlyChangesOthersCanSeeArePublished() {
        tracker.apply(PresenceEvent.connected("bob", "phone", "b1/1", "b1", 1000));
        tracker.apply(PresenceEvent.connected("bob", "laptop", "b1/2", "b1", 1100));
        tracker.apply(PresenceEvent.active("bob", "phone", "b1/1", "b1", 1200, 1200));
        tracker.apply(PresenceEvent.disconnected("bob", "phone", "b1/1", "b1", 1300, 1300));
        assertEquals(1, retained.publications.size());
    }

    @Test
    void aRedeliveredEventPublishesWhatAFailedPublishLeftOut() {
        retained.failNext = true;
        PresenceEvent connected = PresenceEvent.connected("bob", "phone", "b1/1", "b1", 1000);
        assertThrows(PublishFailedException.class, () -> tracker.apply(connected));
        tracker.apply(connected);
        assertEquals(Presence.online("bob", 1000), retained.of("bob"));
        tracker.apply(connected);
        assertEquals(1, retained.publications.size(), "published once it was confirmed");
    }

    @Test
    void aStalePublishOfOneInstanceIsRepairedByIt() {
        PresenceTracker other = new PresenceTracker(store, retained);
        Presence[] landedLate = new Presence[1];
        // This instance's publish of "online" lands after the other instance published "offline".
        PresenceTracker slow = new PresenceTracker(store, presence -> {
            if (landedLate[0] == null) {
                landedLate[0] = presence;
                other.apply(PresenceEvent.disconnected("bob", "phone", "b1/1", "b1", 1500, 2000));
            }
            retained.publish(presence);
        });
        slow.apply(PresenceEvent.connected("bob", "phone", "b1/1", "b1", 1000));
        assertEquals(Presence.online("bob", 1000), landedLate[0]);
        assertEquals(Presence.offline("bob", 1500, 2000), retained.of("bob"));
    }

    @Test
    void aNewBrokerRunTakesEveryDeviceOfTheOldRunOfflineWithItsLastActivity() {
        tracker.apply(PresenceEvent.brokerStarted("b1", 100));
        tracker.apply(PresenceEvent.connected("bob", "phone", "b1/1", "b1", 1000));
        tracker.apply(PresenceEvent.active("bob", "phone", "b1/1", "b1", 3000, 3000));
        tracker.apply(PresenceEvent.connected("alice", "phone", "b1/2", "b1", 1000));
        tracker.apply(PresenceEvent.brokerStarted("b2", 9000));
        assertEquals(Presence.offline("bob", 3000, 9000), retained.of("bob"));
        assertEquals(Presence.offline("alice", 1000, 9000), retained.of("alice"));
    }

    @Test
    void privacyNobodyRetainsHiddenAndEveryoneRetainsTheStateAgain() {
        tracker.apply(PresenceEvent.connected("bob", "phone", "b1/1", "b1", 1000));
        tracker.apply(PresenceEvent.privacy("bob", PresenceEvent.NOBODY, "b1", 2000));
        assertEquals(Presence.hidden("bob", 2000), retained.of("bob"));
        tracker.apply(PresenceEvent.disconnected("bob", "phone", "b1/1", "b1", 2500, 3000));
        assertEquals(Presence.hidden("bob", 2000), retained.of("bob"));
        tracker.apply(PresenceEvent.privacy("bob", PresenceEvent.EVERYONE, "b1", 4000));
        assertEquals(Presence.offline("bob", 2500, 4000), retained.of("bob"));
    }

    @Test
    void aDisconnectWithoutLastActivityUsesTheEventTime() {
        tracker.apply(PresenceEvent.connected("bob", "phone", "b1/1", "b1", 1000));
        tracker.apply(new PresenceEvent(PresenceEvent.DISCONNECTED, "bob", "phone", "b1/1", "b1", null, null, 4000, null));
        assertEquals(Presence.offline("bob", 4000, 4000), retained.of("bob"));
    }

    @Test
    void incompleteOrUnknownEventsAreRefusedAsInvalid() {
        List<PresenceEvent> invalid = List.of(
                new PresenceEvent("renamed", "bob", "phone", "b1/1", "b1", null, null, 1, null),
                new PresenceEvent(null, "bob", "phone", "b1/1", "b1", null, null, 1, null),
                new PresenceEvent(PresenceEvent.CONNECTED, null, "phone", "b1/1", "b1", null, null, 1, null),
                new PresenceEvent(PresenceEvent.CONNECTED, "bob", "phone", null, "b1", null, null, 1, null),
                new PresenceEvent(PresenceEvent.PRIVACY, "bob", null, null, "b1", null, "friends", 1, null),
                new PresenceEvent(PresenceEvent.BROKER_STARTED, null, null, null, null, null, null, 1, null));
        for (PresenceEvent event : invalid) {
            assertThrows(InvalidEventException.class, () -> tracker.apply(event), event.toString());
        }
        assertTrue(retained.publications.isEmpty());
    }

    @Test
    void aDownRedisIsReportedSoThatTheEventIsRetried() {
        try (JedisPooled nowhere = new JedisPooled("127.0.0.1", 1)) {
            PresenceTracker cut = new PresenceTracker(new RedisPresenceStore(nowhere), retained);
            assertThrows(StoreUnavailableException.class,
                    () -> cut.apply(PresenceEvent.connected("bob", "phone", "b1/1", "b1", 1000)));
        }
    }

    /** The broker's retained messages, as far as presence goes. */
    private static final class Retained implements PresencePublisher {
        final List<Presence> publications = new ArrayList<>();
        final Map<String, Presence> byUser = new HashMap<>();
        boolean failNext;

        @Override
        public synchronized void publish(Presence presence) {
            if (failNext) {
                failNext = false;
                throw new PublishFailedException("broker gone", null);
            }
            publications.add(presence);
            byUser.put(presence.user(), presence);
        }

        synchronized Presence of(String user) {
            return byUser.get(user);
        }
    }
}
