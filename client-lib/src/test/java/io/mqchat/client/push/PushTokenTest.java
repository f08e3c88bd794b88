package io.mqchat.client.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What an app can make a push token of, before anything reaches the server. */
class PushTokenTest {

    private static final String APNS_TOKEN = "0f".repeat(32);

    @Test
    void anApnsTokenIsHexDigitsStoredInLowerCaseForProductionUnlessSandboxed() {
        PushToken token = PushToken.apns(APNS_TOKEN.toUpperCase(), "com.example.chat");

        assertEquals(APNS_TOKEN, token.token());
        assertEquals("apns", token.platform());
        assertEquals("production", token.environment());
        assertEquals("sandbox", token.inSandbox().environment());
        assertEquals(PushToken.apns(APNS_TOKEN, "com.example.chat"), token, "one token whatever the case");
    }

    @Test
    void aTokenIsForAlertsUntilTheAppAsksForSilentPushesWhichASandboxKeeps() {
        PushToken token = PushToken.apns(APNS_TOKEN, "com.example.chat");
        assertFalse(token.isSilent());
        assertTrue(token.silent().isSilent());
        assertTrue(token.silent().inSandbox().isSilent());
        assertNotEquals(token, token.silent());
    }

    @Test
    void malformedTokensAndAppIdsAreRefusedWithTheRule() {
        IllegalArgumentException shortApns = assertThrows(IllegalArgumentException.class,
                () -> PushToken.apns("abc123", "com.example.chat"));
        assertTrue(shortApns.getMessage().contains("64-200 hex digits"), shortApns.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PushToken.fcm("a token/with spaces", "1:1:android:a"));
        assertThrows(IllegalArgumentException.class, () -> PushToken.fcm("token", "not an app id!"));
        assertThrows(NullPointerException.class, () -> PushToken.fcm(null, "1:1:android:a"));
        assertThrows(IllegalStateException.class, () -> PushToken.fcm("token", "1:1:android:a").inSandbox(),
                "FCM has no sandbox");
    }

    @Test
    void theTokenNeverShowsInItsTextForm() {
        assertFalse(PushToken.apns(APNS_TOKEN, "com.example.chat").toString().contains(APNS_TOKEN));
        assertFalse(PushToken.fcm("secret-fcm-token", "1:1:android:a").toString().contains("secret-fcm-token"));
    }
}
