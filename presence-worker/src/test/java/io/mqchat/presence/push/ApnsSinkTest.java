package io.mqchat.presence.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqchat.presence.notify.Notification;
import io.mqchat.presence.store.PushToken;
import io.mqchat.presence.store.PushTokens;
import io.mqchat.presence.store.RedisPushTokens;
import io.mqchat.presence.testing.ApnsStandIn;
import io.mqchat.presence.testing.RedisFixture;
import io.mqchat.presence.testing.Sent;
import io.mqchat.protocol.PushPlatform;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The APNs sink against Pushy's mock APNs server (HTTP/2, TLS, token authentication checked as Apple does), tokens in
 * a real Redis.
 */
class ApnsSinkTest {

    private static final String APP = "com.example.chat";

    @TempDir
    static Path folder;
    private static RedisFixture redis;
    private static ApnsStandIn apns;

    private PushTokens tokens;
    private PushServiceSink sink;
    private PushOutcomes outcomes;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisFixture.start(folder);
        apns = ApnsStandIn.start(folder);
    }

    @AfterAll
    static void stop() throws Exception {
        apns.close();
        redis.close();
    }

    @BeforeEach
    void empty() {
        redis.flush();
        apns.reset();
        tokens = new RedisPushTokens(redis.jedis());
        ApnsSettings settings = new ApnsSettings(apns.signingKey(), ApnsStandIn.TEAM_ID, ApnsStandIn.KEY_ID,
                Optional.of(apns.address()), Optional.of(apns.certificate()), 3, Duration.ofMillis(1),
                Duration.ofSeconds(10));
        outcomes = new PushOutcomes();
        sink = PushServiceSink.apns(tokens, settings, Clock.systemUTC(), outcomes);
    }

    @AfterEach
    void closeSink() {
        sink.close();
    }

    private static JsonNode json(String payload) {
        try {
            return new ObjectMapper().readTree(payload);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String token(int n) {
        return String.format("%064x", n);
    }

    private void register(String user, String device, PushPlatform platform, String token, String env) {
        tokens.register(user, new PushToken(device, platform, token, env, APP, 1));
    }

    @Test
    void eachAppleDeviceOfTheRecipientGetsAnAlertWithoutTheMessageTextGroupedByConversation() throws InterruptedException {
        String phone = token(1);
        String developmentPad = token(2);
        apns.knows(APP, phone);
        apns.knows(APP, developmentPad);
        register("bob", "phone", PushPlatform.APNS, phone, "production");
        register("bob", "pad", PushPlatform.APNS, developmentPad, "sandbox");
        register("bob", "android", PushPlatform.FCM, "fcm-token", null);

        assertTrue(Sent.of(sink.send(new Notification("bob", "alice", null, "m1", null, 1000))));
        sink.awaitIdle();

        assertEquals(1, apns.receivedFor(phone).size());
        assertEquals(1, apns.receivedFor(developmentPad).size());
        assertEquals(2, apns.received().size(), "not the Android device");
        ApnsStandIn.Received push = apns.receivedFor(phone).get(0);
        assertEquals(APP, push.headers().get("apns-topic"));
        assertEquals("u/alice", push.headers().get("apns-collapse-id"));
        assertEquals("alert", push.headers().get("apns-push-type"));
        JsonNode aps = json(push.payload()).path("aps");
        assertEquals("alice", aps.path("alert").path("title").asText());
        assertEquals(PushContent.GENERIC_TEXT, aps.path("alert").path("body").asText());
        assertEquals("u/alice", aps.path("thread-id").asText());
        assertFalse(aps.has("badge"), "no count known: the icon keeps the badge it has");
    }

    @Test
    void aDeviceThatAskedForSilentPushesGetsABackgroundPushThatShowsNothing() throws InterruptedException {
        String phone = token(8);
        apns.knows(APP, phone);
        tokens.register("bob", new PushToken("phone", PushPlatform.APNS, phone, "production", APP, 1, true));

        assertTrue(Sent.of(sink.send(new Notification("bob", "alice", null, "m1", "hi", 1000).withUnread(2))));
        sink.awaitIdle();

        ApnsStandIn.Received push = apns.receivedFor(phone).get(0);
        assertEquals("background", push.headers().get("apns-push-type"));
        assertEquals("5", push.headers().get("apns-priority"), "Apple takes background pushes at low priority only");
        JsonNode payload = json(push.payload());
        assertEquals(1, payload.path("aps").path("content-available").asInt());
        assertFalse(payload.path("aps").has("alert"), "nothing to show, not even the text the server passed on");
        assertFalse(payload.path("aps").has("sound"));
        assertFalse(payload.path("aps").has("badge"), "only content-available, as Apple asks");
        assertEquals(2, payload.path("unread").asInt(), "the count, for the app to set");
        assertEquals("u/alice", payload.path("conversation").asText());
        assertEquals("m1", payload.path("messageId").asText());
    }

    @Test
    void theRecipientsUnreadCountIsTheBadge() throws InterruptedException {
        String phone = token(7);
        apns.knows(APP, phone);
        register("bob", "phone", PushPlatform.APNS, phone, "production");

        assertTrue(Sent.of(sink.send(new Notification("bob", "alice", null, "m1", null, 1000).withUnread(3))));
        sink.awaitIdle();

        assertEquals(3, json(apns.receivedFor(phone).get(0).payload()).path("aps").path("badge").asInt());
    }

    @Test
    void theTextAndTheGroupShowOnlyWhenTheServerPassesThemOn() throws InterruptedException {
        String phone = token(3);
        apns.knows(APP, phone);
        register("bob", "phone", PushPlatform.APNS, phone, "production");

        assertTrue(Sent.of(sink.send(new Notification("bob", "carol", "trip", "g1", "see you at 8", 1000))));
        sink.awaitIdle();

        JsonNode alert = json(apns.receivedFor(phone).get(0).payload()).path("aps").path("alert");
        assertEquals("carol @ trip", alert.path("title").asText());
        assertEquals("see you at 8", alert.path("body").asText());
    }

    @Test
    void aTokenOfAnUninstalledAppOrOneAppleNeverIssuedIsForgottenAndTheOthersStillGetIt() throws InterruptedException {
        String phone = token(4);
        String uninstalled = token(5);
        apns.knows(APP, phone);
        apns.knows(APP, uninstalled);
        apns.uninstalled(uninstalled);
        register("bob", "phone", PushPlatform.APNS, phone, "production");
        register("bob", "old-phone", PushPlatform.APNS, uninstalled, "production");
        register("bob", "typo", PushPlatform.APNS, token(6), "production"); // the stand-in never issued it

        assertTrue(Sent.of(sink.send(new Notification("bob", "alice", null, "m1", null, 1000))));
        sink.awaitIdle();

        assertEquals(List.of("phone"), tokens.tokensOf("bob").stream().map(PushToken::device).toList());
        assertEquals(2, outcomes.count(PushPlatform.APNS, PushOutcomes.Outcome.TOKEN_REMOVED));
        assertEquals(1, outcomes.count(PushPlatform.APNS, PushOutcomes.Outcome.SENT));
    }

    @Test
    void aRecipientWithoutAppleDevicesCostsNoPush() throws InterruptedException {
        register("bob", "android", PushPlatform.FCM, "fcm-token", null);

        assertFalse(Sent.of(sink.send(new Notification("bob", "alice", null, "m1", null, 1000))));
        sink.awaitIdle();
        for (PushOutcomes.Outcome outcome : PushOutcomes.Outcome.values()) {
            assertEquals(0, outcomes.count(PushPlatform.APNS, outcome), "no push at all, not even a refused one");
        }
    }

    @Test
    void aLongConversationKeyBecomesADigestWithinApplesCollapseIdLimit() {
        String key = "g/" + "x".repeat(100);
        assertEquals(64, ApnsSender.collapseId(key).length());
        assertEquals("u/alice", ApnsSender.collapseId("u/alice"));
    }
}
