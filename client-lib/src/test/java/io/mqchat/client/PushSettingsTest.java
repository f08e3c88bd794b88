package io.mqchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.push.PushToken;
import io.mqchat.presence.store.NotificationMutes;
import io.mqchat.presence.store.PushTokens;
import io.mqchat.protocol.PushPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app registering and removing its device's push token, and muting conversations, through the client; the
 * presence-worker stores both.
 */
class PushSettingsTest {

    private static final String APNS_TOKEN = "AB".repeat(32);
    private static final String FCM_TOKEN = "dGVzdA:APA91bH-fcm_token.1";

    @TempDir
    static Path folder;

    private static Backend backend;
    private static PushTokens stored;
    private static NotificationMutes mutes;

    @BeforeAll
    static void startBackend() {
        backend = Backend.start(folder).withPresence();
        stored = backend.pushTokens();
        mutes = backend.notificationMutes();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    /** The user's stored tokens once {@code until} holds for them (the worker applies requests a moment later). */
    private static List<io.mqchat.presence.store.PushToken> storedFor(String user,
            Predicate<List<io.mqchat.presence.store.PushToken>> until) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<io.mqchat.presence.store.PushToken> tokens = stored.tokensOf(user);
        while (!until.test(tokens) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            tokens = stored.tokensOf(user);
        }
        assertTrue(until.test(tokens), "the tokens stored for " + user + ": " + tokens);
        return tokens;
    }

    @Test
    void aPhoneRegistersItsTokenReplacesItWithANewOneAndRemovesIt() throws InterruptedException {
        try (TestDevice phone = TestDevice.online(backend.broker(), "dana1", "phone")) {
            TestDevice.await(phone.client.registerPushToken(PushToken.apns(APNS_TOKEN, "com.example.chat")
                    .inSandbox()));
            io.mqchat.presence.store.PushToken apns = storedFor("dana1", tokens -> !tokens.isEmpty()).get(0);
            assertEquals("phone", apns.device());
            assertEquals(PushPlatform.APNS, apns.platform());
            assertEquals(APNS_TOKEN.toLowerCase(), apns.token());
            assertEquals("sandbox", apns.env());
            assertEquals("com.example.chat", apns.app());

            TestDevice.await(phone.client.registerPushToken(PushToken.fcm(FCM_TOKEN, "1:1234:android:ab12")));
            io.mqchat.presence.store.PushToken fcm = storedFor("dana1",
                    tokens -> tokens.size() == 1 && tokens.get(0).platform() == PushPlatform.FCM).get(0);
            assertEquals(FCM_TOKEN, fcm.token());
            assertNull(fcm.env());

            assertFalse(fcm.silent());

            TestDevice.await(phone.client.registerPushToken(PushToken.fcm(FCM_TOKEN, "1:1234:android:ab12").silent()));
            storedFor("dana1", tokens -> tokens.size() == 1 && tokens.get(0).silent());

            TestDevice.await(phone.client.removePushToken());
            storedFor("dana1", List::isEmpty);
        }
    }

    @Test
    void eachDeviceOfAUserRegistersATokenOfItsOwn() throws InterruptedException {
        try (TestDevice phone = TestDevice.online(backend.broker(), "dana2", "phone");
             TestDevice tablet = TestDevice.online(backend.broker(), "dana2", "tablet")) {
            TestDevice.await(phone.client.registerPushToken(PushToken.apns(APNS_TOKEN, "com.example.chat")));
            TestDevice.await(tablet.client.registerPushToken(PushToken.fcm(FCM_TOKEN, "1:1234:android:ab12")));

            List<io.mqchat.presence.store.PushToken> tokens = storedFor("dana2", found -> found.size() == 2);
            assertEquals(List.of("phone", "tablet"), tokens.stream().map(io.mqchat.presence.store.PushToken::device)
                    .toList());
            assertEquals("production", tokens.get(0).env(), "APNs production unless the app says sandbox");

            TestDevice.await(tablet.client.removePushToken());
            assertEquals(List.of("phone"), storedFor("dana2", found -> found.size() == 1).stream()
                    .map(io.mqchat.presence.store.PushToken::device).toList(), "the phone keeps its token");
        }
    }

    @Test
    void aUserMutesAGroupForEightHoursAndAPeerUntilUnmuted() throws InterruptedException {
        try (TestDevice phone = TestDevice.online(backend.broker(), "dana3", "phone")) {
            Instant eightHours = Instant.now().plus(Duration.ofHours(8));
            TestDevice.await(phone.client.mute(Conversation.group("trip"), eightHours));
            TestDevice.await(phone.client.mute(Conversation.with("erin")));

            awaitMuted("dana3", "u/erin", true);
            long now = System.currentTimeMillis();
            assertTrue(mutes.isMuted("dana3", "g/trip", now));
            assertFalse(mutes.isMuted("dana3", "g/trip", eightHours.toEpochMilli()), "the group's mute ends");
            assertFalse(mutes.isMuted("dana3", "u/trip", now), "a peer named like the group is not muted");

            TestDevice.await(phone.client.unmute(Conversation.with("erin")));
            awaitMuted("dana3", "u/erin", false);
        }
    }

    private static void awaitMuted(String user, String conversation, boolean muted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (mutes.isMuted(user, conversation, System.currentTimeMillis()) != muted
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(muted, mutes.isMuted(user, conversation, System.currentTimeMillis()), conversation);
    }
}
