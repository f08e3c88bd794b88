package io.mqchat.presence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.protocol.PushPlatform;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PushTokens} must do. An implementation's test extends this and returns an empty store from
 * {@link #tokens()} for each test.
 */
public abstract class PushTokensContract {

    private static final String APNS = "0a".repeat(32);
    private static final String FCM = "dXk3Q1x0R0:APA91bH-Gq_6tZ";

    /** An empty store; called once per test. */
    protected abstract PushTokens tokens();

    private static PushToken apns(String device, String token, long at) {
        return new PushToken(device, PushPlatform.APNS, token, "production", "com.example.chat", at);
    }

    private static PushToken fcm(String device, String token, long at) {
        return new PushToken(device, PushPlatform.FCM, token, null, "1:42:android:ab12", at);
    }

    @Test
    void aUserWithoutTokensHasNone() {
        assertEquals(List.of(), tokens().tokensOf("bob"));
    }

    @Test
    void aRegisteredTokenIsListedForItsUserWithEverythingASinkNeeds() {
        PushTokens store = tokens();
        store.register("bob", apns("phone", APNS, 1000));
        assertEquals(List.of(apns("phone", APNS, 1000)), store.tokensOf("bob"));
    }

    @Test
    void aTokenForSilentPushesStaysOneAndANewRegistrationOfTheDeviceDecidesAgain() {
        PushTokens store = tokens();
        PushToken silent = new PushToken("phone", PushPlatform.FCM, FCM, null, "1:42:android:ab12", 1000, true);
        store.register("bob", silent);
        assertEquals(List.of(silent), store.tokensOf("bob"));
        store.register("bob", fcm("phone", FCM, 2000));
        assertFalse(store.tokensOf("bob").get(0).silent(), "registered again for alerts");
    }

    @Test
    void aSecondRegistrationOfTheDeviceReplacesItsToken() {
        PushTokens store = tokens();
        store.register("bob", apns("phone", APNS, 1000));
        store.register("bob", fcm("phone", FCM, 2000));
        assertEquals(List.of(fcm("phone", FCM, 2000)), store.tokensOf("bob"));
        assertFalse(store.removeToken(PushPlatform.APNS, APNS), "the replaced token belongs to nobody now");
        assertEquals(List.of(fcm("phone", FCM, 2000)), store.tokensOf("bob"));
    }

    @Test
    void eachDeviceOfAUserHasItsOwnTokenAndRemovingOneKeepsTheOther() {
        PushTokens store = tokens();
        store.register("bob", apns("phone", APNS, 1000));
        store.register("bob", fcm("tablet", FCM, 1100));
        assertEquals(List.of(apns("phone", APNS, 1000), fcm("tablet", FCM, 1100)), store.tokensOf("bob"));
        store.remove("bob", "phone");
        assertEquals(List.of(fcm("tablet", FCM, 1100)), store.tokensOf("bob"));
    }

    @Test
    void removingADeviceWithoutATokenChangesNothing() {
        PushTokens store = tokens();
        store.register("bob", apns("phone", APNS, 1000));
        store.remove("bob", "tablet");
        store.remove("alice", "phone");
        assertEquals(List.of(apns("phone", APNS, 1000)), store.tokensOf("bob"));
    }

    @Test
    void aTokenRegisteredByAnotherDeviceNoLongerReachesThePreviousOne() {
        PushTokens store = tokens();
        store.register("bob", fcm("phone", FCM, 1000));
        store.register("carol", fcm("phone", FCM, 2000));
        assertEquals(List.of(), store.tokensOf("bob"), "the phone went to carol");
        assertEquals(List.of(fcm("phone", FCM, 2000)), store.tokensOf("carol"));
        store.remove("bob", "phone");
        assertTrue(store.removeToken(PushPlatform.FCM, FCM), "bob's removal did not take carol's token");
    }

    @Test
    void removingATokenByValueForgetsItWhereverItIsRegistered() {
        PushTokens store = tokens();
        store.register("bob", apns("phone", APNS, 1000));
        store.register("bob", fcm("tablet", FCM, 1000));
        assertTrue(store.removeToken(PushPlatform.APNS, APNS));
        assertEquals(List.of(fcm("tablet", FCM, 1000)), store.tokensOf("bob"));
        assertFalse(store.removeToken(PushPlatform.APNS, APNS), "gone already");
    }

    @Test
    void theSameCharactersOfAnotherPlatformAreAnotherToken() {
        PushTokens store = tokens();
        store.register("bob", fcm("tablet", APNS, 1000));
        assertFalse(store.removeToken(PushPlatform.APNS, APNS));
        assertEquals(1, store.tokensOf("bob").size());
    }

    @Test
    void everyChangeAppliedTwiceEndsAsAppliedOnce() {
        PushTokens store = tokens();
        store.register("bob", apns("phone", APNS, 1000));
        store.register("bob", apns("phone", APNS, 1000));
        assertEquals(List.of(apns("phone", APNS, 1000)), store.tokensOf("bob"));
        store.remove("bob", "phone");
        store.remove("bob", "phone");
        assertEquals(List.of(), store.tokensOf("bob"));
        assertFalse(store.removeToken(PushPlatform.APNS, APNS));
    }
}
