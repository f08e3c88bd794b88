package io.mqchat.presence.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqchat.presence.notify.WebhookSink.WebhookSettings;
import io.mqchat.presence.testing.Sent;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook sink against a local HTTP server. */
class WebhookSinkTest {

    private static final String SECRET = "a-webhook-secret-of-at-least-32-bytes";
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Notification ONE_TO_ONE = new Notification("bob", "alice", null, "m1", null, 1795000000123L);

    private final WebhookServer server = WebhookServer.start();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void postsRecipientSenderConversationMessageIdAndTimeButNoBody() throws Exception {
        assertTrue(Sent.of(sink(3).send(ONE_TO_ONE)));
        JsonNode body = json.readTree(server.bodies().get(0));
        assertEquals(json.readTree("""
                {"recipient":"bob","sender":"alice","conversation":"alice","messageId":"m1","ts":1795000000123}
                """), body);
    }

    @Test
    void aGroupMessageNamesTheGroupAsConversationAndABodyIsPassedOnWhenGiven() throws Exception {
        assertTrue(Sent.of(sink(3).send(new Notification("bob", "alice", "g-1", "m2", "hi all", 5))));
        JsonNode body = json.readTree(server.bodies().get(0));
        assertEquals("g-1", body.get("conversation").asText());
        assertEquals("g-1", body.get("group").asText());
        assertEquals("hi all", body.get("body").asText());
    }

    @Test
    void theRecipientsUnreadCountIsPassedOnWhenKnown() throws Exception {
        assertTrue(Sent.of(sink(3).send(ONE_TO_ONE.withUnread(12))));
        assertEquals(12, json.readTree(server.bodies().get(0)).get("unread").asInt());
    }

    @Test
    void serverErrorsAreRetriedUntilTheGatewayAcceptsIt() {
        server.answer(503, 500, 429);
        assertTrue(Sent.of(sink(5).send(ONE_TO_ONE)));
        assertEquals(4, server.bodies().size());
    }

    @Test
    void itGivesUpAfterTheConfiguredAttempts() {
        server.answer(500, 500, 500, 500);
        assertFalse(Sent.of(sink(3).send(ONE_TO_ONE)));
        assertEquals(3, server.bodies().size());
    }

    @Test
    void aRefusalThatRetryingCannotFixIsNotRetried() {
        server.answer(400);
        assertFalse(Sent.of(sink(5).send(ONE_TO_ONE)));
        assertEquals(1, server.bodies().size());
    }

    @Test
    void anUnreachableGatewayGivesUpWithoutThrowing() {
        WebhookSink sink = new WebhookSink(HttpClient.newHttpClient(), new WebhookSettings(
                URI.create("http://127.0.0.1:1/push"), 3, Duration.ofMillis(10), Duration.ofSeconds(2)), CLOCK);
        assertFalse(Sent.of(sink.send(ONE_TO_ONE)));
    }

    @Test
    void aGatewayThatHangsOnOneNotificationHoldsUpNeitherTheCallerNorTheNextNotification() {
        WebhookSink sink = sink(3);
        server.hold("bob");

        CompletableFuture<Boolean> bobs = sink.send(ONE_TO_ONE);
        assertFalse(bobs.isDone(), "handed over without waiting for the gateway");
        assertTrue(Sent.of(sink.send(new Notification("carol", "alice", null, "m2", null, 5))), "carol's");
        assertFalse(bobs.isDone(), "bob's still waits for its answer");

        server.release("bob");
        assertTrue(Sent.of(bobs));
    }

    @Test
    void aSignedRequestVerifiesWithTheSecretAndItsTimeAndATamperedBodyDoesNot() throws Exception {
        assertTrue(Sent.of(signedSink(1).send(ONE_TO_ONE)));
        String body = server.bodies().get(0);
        String header = server.signatures().get(0);

        assertTrue(header.startsWith("t=" + NOW.getEpochSecond() + ",v1="), header);
        assertTrue(GatewayCheck.verifies(SECRET, header, body), header);
        assertFalse(GatewayCheck.verifies(SECRET, header, body.replace("\"alice\"", "\"mallory\"")),
                "a tampered body");
        assertFalse(GatewayCheck.verifies("another-secret-that-is-32-bytes-long-too", header, body), "another secret");
        String otherTime = header.replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() + 1));
        assertFalse(GatewayCheck.verifies(SECRET, otherTime, body), "the time is signed too");
    }

    @Test
    void everyRetryIsSignedAndWithoutASecretNothingIs() throws Exception {
        server.answer(503);
        assertTrue(Sent.of(signedSink(3).send(ONE_TO_ONE)));
        assertEquals(2, server.signatures().size());
        for (int i = 0; i < 2; i++) {
            assertTrue(GatewayCheck.verifies(SECRET, server.signatures().get(i), server.bodies().get(i)));
        }
        assertTrue(Sent.of(sink(1).send(ONE_TO_ONE)));
        assertEquals("null", server.signatures().get(2));
    }

    private WebhookSink sink(int attempts) {
        return new WebhookSink(HttpClient.newHttpClient(),
                new WebhookSettings(server.url(), attempts, Duration.ofMillis(10), Duration.ofSeconds(5)), CLOCK);
    }

    private WebhookSink signedSink(int attempts) {
        return new WebhookSink(HttpClient.newHttpClient(), new WebhookSettings(server.url(), attempts,
                Duration.ofMillis(10), Duration.ofSeconds(5), Optional.of(new WebhookSigner(SECRET))), CLOCK);
    }

    /** What a push gateway does with a request, written from docs/PROTOCOL.md rather than from the sink's code. */
    private static final class GatewayCheck {

        static boolean verifies(String secret, String header, String body) throws Exception {
            String timestamp = null;
            String expected = null;
            for (String part : header.split(",")) {
                if (part.startsWith("t=")) {
                    timestamp = part.substring(2);
                } else if (part.startsWith("v1=")) {
                    expected = part.substring(3);
                }
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] actual = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return expected != null && MessageDigest.isEqual(HexFormat.of().parseHex(expected), actual);
        }
    }
}
