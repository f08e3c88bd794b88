package io.mqchat.presence.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqchat.presence.notify.Notification;
import io.mqchat.presence.store.PushToken;
import io.mqchat.presence.store.PushTokens;
import io.mqchat.presence.store.RedisPushTokens;
import io.mqchat.presence.testing.FcmStandIn;
import io.mqchat.presence.testing.RedisFixture;
import io.mqchat.presence.testing.Sent;
import io.mqchat.protocol.PushPlatform;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FCM sink against a local stand-in of FCM's HTTP v1 API and Google's token endpoint, tokens in a real Redis. */
class FcmSinkTest {

    private static final String UNAVAILABLE = "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\"}}";

    @TempDir
    static Path folder;
    private static RedisFixture redis;
    private static FcmStandIn fcm;
    private static FcmAccess access;

    private PushTokens tokens;
    private PushServiceSink sink;
    private PushOutcomes outcomes;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisFixture.start(folder);
        fcm = FcmStandIn.start();
        access = FcmAccess.fromKeyFile(fcm.writeKeyFile(folder));
    }

    @AfterAll
    static void stop() {
        fcm.close();
        redis.close();
    }

    @BeforeEach
    void empty() {
        redis.flush();
        fcm.reset();
        tokens = new RedisPushTokens(redis.jedis());
        outcomes = new PushOutcomes();
        sink = PushServiceSink.fcm(tokens, HttpClient.newHttpClient(), access,
                new FcmSettings(folder.resolve("unused"), fcm.endpoint(), 3, Duration.ofMillis(1), Duration.ofSeconds(5)),
                outcomes);
    }

    @AfterEach
    void closeSink() {
        sink.close();
    }

    private void register(String user, String device, PushPlatform platform, String token) {
        tokens.register(user, new PushToken(device, platform, token, platform == PushPlatform.APNS ? "production" : null,
                "com.example.chat", 1));
    }

    private static Notification fromAlice(String id) {
        return new Notification("bob", "alice", null, id, null, 1000);
    }

    private static FcmStandIn.Answer answer(int status, String body, Map<String, String> headers) {
        return new FcmStandIn.Answer(status, body, headers);
    }

    @Test
    void eachAndroidDeviceOfTheRecipientIsWokenWithoutTheMessageTextByDefault() throws InterruptedException {
        register("bob", "phone", PushPlatform.FCM, "fcm-phone");
        register("bob", "tablet", PushPlatform.FCM, "fcm-tablet");
        register("bob", "ipad", PushPlatform.APNS, "ab".repeat(32));

        assertTrue(Sent.of(sink.send(fromAlice("m1"))));
        sink.awaitIdle();

        List<FcmStandIn.Received> sends = fcm.received();
        assertEquals(Set.of("fcm-phone", "fcm-tablet"), sends.stream().map(r -> r.message().path("token").asText())
                .collect(Collectors.toSet()), "the FCM devices, not the iPad");
        for (FcmStandIn.Received send : sends) {
            assertEquals("Bearer " + FcmStandIn.ACCESS_TOKEN, send.authorization());
            assertEquals("alice", send.message().path("notification").path("title").asText());
            assertEquals(PushContent.GENERIC_TEXT, send.message().path("notification").path("body").asText());
            assertEquals("u/alice", send.message().path("android").path("collapse_key").asText());
            assertEquals("u/alice", send.message().path("android").path("notification").path("tag").asText());
            assertEquals("HIGH", send.message().path("android").path("priority").asText());
            assertEquals("m1", send.message().path("data").path("messageId").asText());
        }
    }

    @Test
    void theTextAndTheGroupShowOnlyWhenTheServerPassesThemOn() throws InterruptedException {
        register("bob", "phone", PushPlatform.FCM, "fcm-phone");

        assertTrue(Sent.of(sink.send(new Notification("bob", "carol", "trip", "g1", "see you at 8", 1000))));
        sink.awaitIdle();

        FcmStandIn.Received send = fcm.received().get(0);
        assertEquals("carol @ trip", send.message().path("notification").path("title").asText());
        assertEquals("see you at 8", send.message().path("notification").path("body").asText());
        assertEquals("g/trip", send.message().path("android").path("collapse_key").asText());
        assertFalse(send.message().path("android").path("notification").has("notification_count"), "no count known");
    }

    @Test
    void aMentionSaysSoWithoutTheMessageText() throws InterruptedException {
        register("bob", "phone", PushPlatform.FCM, "fcm-phone");

        assertTrue(Sent.of(sink.send(new Notification("bob", "carol", "trip", "g1", null, 1000).mentioning())));
        sink.awaitIdle();

        JsonNode message = fcm.received().get(0).message();
        assertEquals("carol @ trip", message.path("notification").path("title").asText());
        assertEquals(PushContent.MENTION_TEXT, message.path("notification").path("body").asText());
        assertEquals("true", message.path("data").path("mention").asText());
    }

    @Test
    void aDeviceThatAskedForSilentPushesGetsADataMessageThatShowsNothing() throws InterruptedException {
        tokens.register("bob", new PushToken("phone", PushPlatform.FCM, "fcm-phone", null, "com.example.chat", 1, true));

        assertTrue(Sent.of(sink.send(new Notification("bob", "alice", null, "m1", "hi", 1000).withUnread(2))));
        sink.awaitIdle();

        JsonNode message = fcm.received().get(0).message();
        assertFalse(message.has("notification"), "nothing to show, not even the text the server passed on");
        assertFalse(message.path("android").has("notification"));
        assertEquals("HIGH", message.path("android").path("priority").asText(), "wakes the app at once");
        assertEquals("m1", message.path("data").path("messageId").asText());
        assertEquals("2", message.path("data").path("unread").asText());
    }

    @Test
    void theRecipientsUnreadCountIsTheNotificationCount() throws InterruptedException {
        register("bob", "phone", PushPlatform.FCM, "fcm-phone");

        assertTrue(Sent.of(sink.send(fromAlice("m1").withUnread(4))));
        sink.awaitIdle();

        JsonNode message = fcm.received().get(0).message();
        assertEquals(4, message.path("android").path("notification").path("notification_count").asInt());
        assertEquals("4", message.path("data").path("unread").asText());
    }

    @Test
    void aTokenFcmCallsUnregisteredIsForgottenAndTheOtherDevicesStillGetIt() throws InterruptedException {
        register("bob", "phone", PushPlatform.FCM, "fcm-phone");
        register("bob", "old-phone", PushPlatform.FCM, "fcm-gone");
        fcm.unregister("fcm-gone");

        assertTrue(Sent.of(sink.send(fromAlice("m1"))));
        sink.awaitIdle();

        assertEquals(List.of("phone"), tokens.tokensOf("bob").stream().map(PushToken::device).toList());
        assertEquals(1, outcomes.count(PushPlatform.FCM, PushOutcomes.Outcome.TOKEN_REMOVED));
        assertEquals(1, outcomes.count(PushPlatform.FCM, PushOutcomes.Outcome.SENT));
    }

    @Test
    void aThrottledOrUnavailableFcmIsTriedAgainAndTheNotificationGoesThrough() throws InterruptedException {
        register("bob", "phone", PushPlatform.FCM, "fcm-phone");
        fcm.answer(answer(429, "{\"error\":{\"status\":\"RESOURCE_EXHAUSTED\"}}", Map.of("Retry-After", "0")),
                answer(503, UNAVAILABLE, Map.of()));

        assertTrue(Sent.of(sink.send(fromAlice("m1"))));
        sink.awaitIdle();

        assertEquals(3, fcm.received().size(), "429, 503, then taken");
        assertEquals(1, outcomes.count(PushPlatform.FCM, PushOutcomes.Outcome.SENT));
    }

    @Test
    void anFcmThatKeepsFailingIsGivenUpOnAfterItsAttemptsAndTheTokenKept() throws InterruptedException {
        register("bob", "phone", PushPlatform.FCM, "fcm-phone");
        fcm.answer(answer(503, UNAVAILABLE, Map.of()), answer(503, UNAVAILABLE, Map.of()),
                answer(503, UNAVAILABLE, Map.of()));

        assertFalse(Sent.of(sink.send(fromAlice("m1"))), "given up");
        sink.awaitIdle();

        assertEquals(3, fcm.received().size());
        assertEquals(1, tokens.tokensOf("bob").size());
        assertEquals(1, outcomes.count(PushPlatform.FCM, PushOutcomes.Outcome.GAVE_UP));
    }

    @Test
    void aRefusalForAnotherReasonIsNotRepeated() throws InterruptedException {
        register("bob", "phone", PushPlatform.FCM, "fcm-phone");
        fcm.answer(answer(400, "{\"error\":{\"status\":\"INVALID_ARGUMENT\"}}", Map.of()));

        assertFalse(Sent.of(sink.send(fromAlice("m1"))), "refused");
        sink.awaitIdle();

        assertEquals(1, fcm.received().size());
        assertEquals(1, tokens.tokensOf("bob").size(), "only FCM's unregistered answer removes a token");
        assertEquals(1, outcomes.count(PushPlatform.FCM, PushOutcomes.Outcome.REFUSED));
    }

    @Test
    void aRecipientWithoutFcmTokensCostsNoRequest() {
        register("bob", "ipad", PushPlatform.APNS, "ab".repeat(32));

        assertFalse(Sent.of(sink.send(fromAlice("m1"))));

        assertEquals(List.of(), fcm.received());
    }

    @Test
    void oneAccessTokenServesManySends() throws InterruptedException {
        register("bob", "phone", PushPlatform.FCM, "fcm-phone");
        for (int i = 0; i < 5; i++) {
            assertTrue(Sent.of(sink.send(fromAlice("m" + i))));
        }
        sink.awaitIdle();
        assertEquals(1, fcm.tokenRequests(), "the token is reused until it expires (in an hour)");
    }

    @Test
    void anFcmThatHangsForOneRecipientHoldsUpNeitherTheNextRecipientNorTheCaller() throws InterruptedException {
        register("bob", "phone", PushPlatform.FCM, "fcm-hangs");
        register("carol", "phone", PushPlatform.FCM, "fcm-answers");
        fcm.hold("fcm-hangs");

        CompletableFuture<Boolean> bobs = sink.send(fromAlice("m1"));
        assertFalse(bobs.isDone(), "handed over without waiting for FCM's answer");

        assertTrue(Sent.of(sink.send(new Notification("carol", "alice", null, "m2", null, 1000))), "carol's");
        // Bob's request travels beside carol's: it may reach the stand-in after carol's was answered.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (fcm.receivedFor("fcm-hangs").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, fcm.receivedFor("fcm-hangs").size());
        assertFalse(bobs.isDone(), "bob's is still waiting for its answer");

        fcm.release("fcm-hangs");
        assertTrue(Sent.of(bobs));
        assertEquals(2, outcomes.count(PushPlatform.FCM, PushOutcomes.Outcome.SENT));
    }
}
