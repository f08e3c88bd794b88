package io.mqchat.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.protocol.SettingsChange;
import io.mqchat.protocol.UserSettings;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link PrivacyStore} must do; each implementation's test extends this with its own store. */
public abstract class PrivacyStoreContract {

    private static final long T0 = 1_795_000_000_000L;

    /** A store over a fresh, empty database. */
    protected abstract PrivacyStore openStore();

    private static String user(String name) {
        return name + "-" + UUID.randomUUID();
    }

    @Test
    void settingsStartAsDefaultsAndKeepWhatWasChangedLast() {
        PrivacyStore store = openStore();
        String alice = user("alice");
        assertEquals(UserSettings.DEFAULTS, store.settings(alice));
        assertEquals(new UserSettings(false), store.change(alice, SettingsChange.readReceipts(false), T0));
        assertEquals(new UserSettings(false), store.change(alice, new SettingsChange(null, null, null), T0 + 1),
                "a change that sets nothing keeps what is there");
        assertEquals(new UserSettings(false), store.settings(alice));
        assertEquals(UserSettings.DEFAULTS, store.settings(user("bob")), "each user has its own");
        assertEquals(UserSettings.DEFAULTS, store.change(alice, SettingsChange.readReceipts(true), T0 + 2));
    }

    @Test
    void aUserBlocksOthersOnceEachUntilItUnblocksThemAndKeepsItsOtherSettings() {
        PrivacyStore store = openStore();
        String alice = user("alice");
        store.change(alice, SettingsChange.readReceipts(false), T0);
        assertEquals(List.of("mallory"), store.change(alice, SettingsChange.block("mallory"), T0 + 1).blocked());
        assertEquals(List.of("mallory"), store.change(alice, SettingsChange.block("mallory"), T0 + 2).blocked(),
                "blocked twice, listed once");
        UserSettings both = store.change(alice, SettingsChange.block("trudy.x"), T0 + 3);
        assertEquals(List.of("mallory", "trudy.x"), both.blocked(), "in the order blocked; a dot in an id is kept");
        assertFalse(both.sendsReadReceipts(), "blocking leaves read receipts as they were");
        assertEquals(List.of("trudy.x"), store.change(alice, SettingsChange.unblock("mallory"), T0 + 4).blocked());
        assertEquals(List.of("trudy.x"), store.change(alice, SettingsChange.unblock("nobody"), T0 + 5).blocked(),
                "unblocking someone not blocked changes nothing");
        assertEquals(new UserSettings(false, List.of("trudy.x")), store.settings(alice));
        assertEquals(List.of(), store.change(user("bob"), SettingsChange.unblock("x"), T0).blocked());
    }

    @Test
    void whoBlockedAUserIsAnsweredAmongTheUsersAsked() {
        PrivacyStore store = openStore();
        String alice = user("alice");
        String bob = user("bob");
        String carol = user("carol");
        store.change(alice, SettingsChange.block("mallory"), T0);
        store.change(bob, SettingsChange.block("mallory"), T0);
        store.change(bob, SettingsChange.unblock("mallory"), T0 + 1);
        store.change(carol, SettingsChange.block("trudy"), T0);
        assertEquals(Set.of(alice), store.blockedBy("mallory", List.of(alice, bob, carol, user("dave"))));
        assertEquals(Set.of(), store.blockedBy("mallory", List.of(bob, carol)));
        assertEquals(Set.of(), store.blockedBy("mallory", List.of()));
    }

    @Test
    void aUserCannotBlockMoreThanTheLimitButMayBlockSomeoneAlreadyBlockedAgain() {
        PrivacyStore store = openStore();
        String alice = user("alice");
        IntStream.range(0, UserSettings.MAX_BLOCKED)
                .forEach(i -> store.change(alice, SettingsChange.block("u" + i), T0 + i));
        assertThrows(TooManyBlockedException.class,
                () -> store.change(alice, SettingsChange.block("one-more"), T0 + 5000));
        assertEquals(UserSettings.MAX_BLOCKED, store.change(alice, SettingsChange.block("u7"), T0 + 5001)
                .blocked().size());
        store.change(alice, SettingsChange.unblock("u7"), T0 + 5002);
        assertTrue(store.change(alice, SettingsChange.block("one-more"), T0 + 5003).blocks("one-more"));
    }
}
