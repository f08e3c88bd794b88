package io.mqchat.presence.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What every {@link NotificationMutes} must do. An implementation's test extends this and returns an empty store from
 * {@link #mutes()} for each test.
 */
public abstract class NotificationMutesContract {

    private static final long NOW = 1_795_000_000_000L;

    /** An empty store; called once per test. */
    protected abstract NotificationMutes mutes();

    @Test
    void nothingIsMutedUntilTheUserMutesIt() {
        assertFalse(mutes().isMuted("bob", "u/alice", NOW));
    }

    @Test
    void aMuteWithoutEndLastsUntilUnmuted() {
        NotificationMutes store = mutes();
        store.mute("bob", "g/trip", null);
        assertTrue(store.isMuted("bob", "g/trip", NOW + 365L * 24 * 3600 * 1000));

        store.unmute("bob", "g/trip");
        assertFalse(store.isMuted("bob", "g/trip", NOW));
    }

    @Test
    void aMuteEndsAtItsTime() {
        NotificationMutes store = mutes();
        store.mute("bob", "u/alice", NOW + 1000);
        assertTrue(store.isMuted("bob", "u/alice", NOW + 999));
        assertFalse(store.isMuted("bob", "u/alice", NOW + 1000));
    }

    @Test
    void aMuteIsOfOneUserAndOneConversation() {
        NotificationMutes store = mutes();
        store.mute("bob", "u/alice", null);
        assertFalse(store.isMuted("carol", "u/alice", NOW), "carol did not mute alice");
        assertFalse(store.isMuted("bob", "g/alice", NOW), "a group named like the user is another conversation");
        assertFalse(store.isMuted("bob", "u/dave", NOW));
    }

    @Test
    void aNewMuteReplacesTheOldOneAndRepeatsChangeNothing() {
        NotificationMutes store = mutes();
        store.mute("bob", "u/alice", null);
        store.mute("bob", "u/alice", NOW + 1000);
        store.mute("bob", "u/alice", NOW + 1000);
        assertFalse(store.isMuted("bob", "u/alice", NOW + 2000), "the later request set an end");

        store.unmute("bob", "u/alice");
        store.unmute("bob", "u/alice");
        assertFalse(store.isMuted("bob", "u/alice", NOW));
    }
}
