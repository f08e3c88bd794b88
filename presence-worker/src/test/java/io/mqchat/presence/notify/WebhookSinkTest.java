package io.mqchat.presence.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqchat.presence.notify.WebhookSink.WebhookSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook sink against a local HTTP server. */
class WebhookSinkTest {

    private static final Notification ONE_TO_ONE = new Notification("bob", "alice", null, "m1", null, 1795000000123L);

    private final WebhookServer server = WebhookServer.start();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void postsRecipientSenderConversationMessageIdAndTimeButNoBody() throws Exception {
        assertTrue(sink(3).send(ONE_TO_ONE));
        JsonNode body = json.readTree(server.bodies().get(0));
        assertEquals(json.readTree("""
                {"recipient":"bob","sender":"alice","conversation":"alice","messageId":"m1","ts":1795000000123}
                """), body);
    }

    @Test
    void aGroupMessageNamesTheGroupAsConversationAndABodyIsPassedOnWhenGiven() throws Exception {
        assertTrue(sink(3).send(new Notification("bob", "alice", "g-1", "m2", "hi all", 5)));
        JsonNode body = json.readTree(server.bodies().get(0));
        assertEquals("g-1", body.get("conversation").asText());
        assertEquals("g-1", body.get("group").asText());
        assertEquals("hi all", body.get("body").asText());
    }

    @Test
    void serverErrorsAreRetriedUntilTheGatewayAcceptsIt() {
        server.answer(503, 500, 429);
        assertTrue(sink(5).send(ONE_TO_ONE));
        assertEquals(4, server.bodies().size());
    }

    @Test
    void itGivesUpAfterTheConfiguredAttempts() {
        server.answer(500, 500, 500, 500);
        assertFalse(sink(3).send(ONE_TO_ONE));
        assertEquals(3, server.bodies().size());
    }

    @Test
    void aRefusalThatRetryingCannotFixIsNotRetried() {
        server.answer(400);
        assertFalse(sink(5).send(ONE_TO_ONE));
        assertEquals(1, server.bodies().size());
    }

    @Test
    void anUnreachableGatewayGivesUpWithoutThrowing() {
        WebhookSink sink = new WebhookSink(HttpClient.newHttpClient(), new WebhookSettings(
                URI.create("http://127.0.0.1:1/push"), 3, Duration.ofMillis(10), Duration.ofSeconds(2)));
        assertFalse(sink.send(ONE_TO_ONE));
    }

    private WebhookSink sink(int attempts) {
        return new WebhookSink(HttpClient.newHttpClient(),
                new WebhookSettings(server.url(), attempts, Duration.ofMillis(10), Duration.ofSeconds(5)));
    }
}
