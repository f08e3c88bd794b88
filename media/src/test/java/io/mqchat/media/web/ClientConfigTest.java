package io.mqchat.media.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqchat.media.http.MediaEndpointTest;
import io.mqchat.media.http.MediaHarness;
import io.mqchat.media.settings.MediaSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code GET /app/config.json}: where the page finds the broker, and what it may offer. */
class ClientConfigTest extends MediaEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBrokerIsAnnouncedOnTheHostThePageCameFrom() throws IOException {
        WebApp web = new WebApp(Optional.empty(), 18083, "/mqtt", Optional.empty());
        try (MediaHarness media = new MediaHarness(mongo(), MediaSettings.defaults(), web)) {
            assertEquals("ws://127.0.0.1:18083/mqtt", config(media, "127.0.0.1").get("mqtt").asText());
            assertEquals("ws://localhost:18083/mqtt", config(media, "localhost").get("mqtt").asText());
            JsonNode config = config(media, "127.0.0.1");
            assertEquals(MediaHarness.MAX_BYTES, config.get("maxImageBytes").asLong());
            assertEquals(false, config.get("devSignIn").asBoolean());
        }
    }

    @Test
    void aConfiguredUrlIsAnnouncedAsItIs() throws IOException {
        String url = "wss://chat.example/mqtt?user={user}";
        try (MediaHarness media = new MediaHarness(mongo(), MediaSettings.defaults().withWebMqttUrl(url))) {
            assertEquals(url, config(media, "127.0.0.1").get("mqtt").asText());
        }
    }

    @Test
    void aBrokerWithoutWebsocketListenerIsAnnouncedAsNone() throws IOException {
        WebApp web = new WebApp(Optional.empty(), 0, "/mqtt", Optional.empty());
        try (MediaHarness media = new MediaHarness(mongo(), MediaSettings.defaults(), web)) {
            assertTrue(config(media, "127.0.0.1").get("mqtt").isNull());
        }
    }

    private static JsonNode config(MediaHarness media, String host) throws IOException {
        URI uri = URI.create("http://" + host + ":" + media.service().port() + WebAppHandler.CONFIG_PATH);
        HttpResponse<String> answer = media.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(null));
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null));
        return JSON.readTree(answer.body());
    }
}
