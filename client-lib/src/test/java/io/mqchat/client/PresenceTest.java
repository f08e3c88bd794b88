package io.mqchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.presence.PresencePrivacy;
import io.mqchat.client.presence.PresenceState;
import io.mqchat.client.presence.PresenceSubscription;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watching users' presence through the client, with the presence-worker behind the broker. */
class PresenceTest {

    @TempDir
    static Path folder;

    private static Backend backend;

    @BeforeAll
    static void startBackend() {
        backend = Backend.start(folder).withPresence();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Test
    void aWatcherSeesAUserComeOnlineAndGoOfflineWithALastSeenTime() {
        Recorder<PresenceState> seen = new Recorder<>("alice's view of bob1");
        try (TestDevice alice = TestDevice.online(backend.broker(), "alice1", "phone");
             PresenceSubscription bob = alice.client.presence("bob1", seen)) {

            TestDevice bobsPhone = TestDevice.online(backend.broker(), "bob1", "phone");
            PresenceState online = awaitState(seen, PresenceState::online);
            assertEquals("bob1", online.user());
            assertFalse(online.hidden());
            assertEquals(online, bob.current().orElseThrow());

            bobsPhone.close();
            PresenceState offline = awaitState(seen, state -> !state.online());
            assertTrue(offline.lastSeen().isPresent());
            assertFalse(offline.hidden());
        }
    }

    @Test
    void aNewWatcherGetsTheCurrentStateAtOnce() {
        try (TestDevice bob = TestDevice.online(backend.broker(), "bob2", "phone")) {
            // Someone watching already: once it saw bob online, the retained state says so too.
            Recorder<PresenceState> first = new Recorder<>("carol's view of bob2");
            try (TestDevice carol = TestDevice.online(backend.broker(), "carol2", "phone");
                 PresenceSubscription watching = carol.client.presence("bob2", first)) {
                awaitState(first, PresenceState::online);
            }

            Recorder<PresenceState> later = new Recorder<>("alice's view of bob2");
            try (TestDevice alice = TestDevice.online(backend.broker(), "alice2", "phone", builder -> builder
                         .onPresence(later));
                 PresenceSubscription watching = alice.client.presence("bob2")) {
                assertTrue(later.next().online(), "the builder's listener hears the retained state first");
            }
        }
    }

    @Test
    void afterAReconnectTheWatcherLearnsWhatChangedWhileItWasAway() {
        Recorder<PresenceState> seen = new Recorder<>("alice's view of bob3");
        TestDevice bob = TestDevice.online(backend.broker(), "bob3", "phone");
        try (TestDevice alice = TestDevice.online(backend.broker(), "alice3", "phone");
             PresenceSubscription watching = alice.client.presence("bob3", seen)) {
            awaitState(seen, PresenceState::online);

            TestDevice.await(alice.client.disconnect());
            bob.close();
            TestDevice.await(alice.client.connect());

            assertFalse(awaitState(seen, state -> !state.online()).online());
        }
    }

    @Test
    void aUserWhoHidesItsPresenceShowsAsHidden() {
        Recorder<PresenceState> seen = new Recorder<>("alice's view of bob4");
        try (TestDevice bob = TestDevice.online(backend.broker(), "bob4", "phone");
             TestDevice alice = TestDevice.online(backend.broker(), "alice4", "phone");
             PresenceSubscription watching = alice.client.presence("bob4", seen)) {
            awaitState(seen, PresenceState::online);

            TestDevice.await(bob.client.setPresencePrivacy(PresencePrivacy.NOBODY));

            PresenceState hidden = awaitState(seen, PresenceState::hidden);
            assertFalse(hidden.online());
            assertTrue(hidden.lastSeen().isEmpty());

            TestDevice.await(bob.client.setPresencePrivacy(PresencePrivacy.EVERYONE));
            awaitState(seen, PresenceState::online);
        }
    }

    /** Skips states on the way (the order of a quick succession is the worker's business) up to a matching one. */
    private static PresenceState awaitState(Recorder<PresenceState> seen, Predicate<PresenceState> wanted) {
        while (true) {
            PresenceState state = seen.next();
            if (wanted.test(state)) {
                return state;
            }
        }
    }
}
