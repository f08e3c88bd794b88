package io.mqchat.media.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqchat.extension.auth.Identity;
import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.extension.auth.TokenVerifier;
import io.mqchat.extension.config.JwtConfig;
import io.mqchat.media.http.MediaEndpointTest;
import io.mqchat.media.http.MediaHarness;
import io.mqchat.media.settings.MediaSettings;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /dev/token} on a server that offers development sign-in. */
class DevTokensTest extends MediaEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEV_SECRET = "development-secret-of-this-test-0123456789";
    private MediaHarness dev;

    @BeforeEach
    void startDevelopmentEndpoint() {
        WebApp web = new WebApp(Optional.empty(), 8083, "/mqtt",
                Optional.of(new TokenMinter(DEV_SECRET, Clock.systemUTC())));
        dev = new MediaHarness(mongo(), MediaSettings.defaults(), web);
    }

    @AfterEach
    void stopDevelopmentEndpoint() {
        dev.close();
    }

    @Test
    void anyValidUserNameGetsAShortLivedTokenSignedWithTheDevelopmentSecret() throws Exception {
        HttpResponse<String> answer = mint("application/json", "{\"user\":\"Zoë\"}");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null));
        JsonNode body = JSON.readTree(answer.body());
        Identity identity = new TokenVerifier(JwtConfig.hmac(DEV_SECRET), Clock.systemUTC())
                .verify(body.get("token").asText());
        assertEquals("Zoë", identity.subject());
        assertEquals(false, identity.service());
        assertEquals(DevTokens.TTL.toSeconds(), body.get("expiresIn").asLong());
        assertTrue(identity.validUntil().isBefore(Instant.now().plus(DevTokens.TTL).plus(Duration.ofMinutes(1))));
    }

    @Test
    void namesThatAreNoUserIdsAreRefusedWithAnExplanation() {
        for (String body : new String[] {"{\"user\":\"a b\"}", "{\"user\":\"\"}", "{\"user\":\"b\\u200Bob\"}",
                "{\"user\":\"x/y\"}", "{\"user\":\"svc-archive\"}", "{\"user\":42}", "{}", "not json", "[]",
                "{\"user\":\"" + "a".repeat(65) + "\"}"}) {
            HttpResponse<String> answer = mint("application/json", body);
            assertEquals(400, answer.statusCode(), body);
            assertTrue(answer.body().contains("\"error\":\"bad_request\"") && answer.body().contains("user id"),
                    answer.body());
        }
    }

    @Test
    void onlyAJsonPostMintsSoOtherSitesCannotAskThroughABrowser() {
        assertEquals(415, mint("text/plain", "{\"user\":\"alice\"}").statusCode());
        assertEquals(415, mint(null, "{\"user\":\"alice\"}").statusCode());
        HttpResponse<String> get = dev.send(HttpRequest.newBuilder(dev.uri(WebAppHandler.DEV_TOKEN_PATH)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void aPageOfAnotherOriginIsRefused() {
        HttpResponse<String> answer = dev.send(HttpRequest.newBuilder(dev.uri(WebAppHandler.DEV_TOKEN_PATH))
                .header("Content-Type", "application/json").header("Origin", "http://rebound.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"error\":\"forbidden\""), answer.body());
    }

    @Test
    void aLargeRequestIsRefusedUnread() {
        HttpResponse<String> answer = mint("application/json", "{\"user\":\"" + "a".repeat(5000) + "\"}");
        assertEquals(413, answer.statusCode(), answer.body());
    }

    @Test
    void theConfigSaysDevelopmentSignInIsOffered() {
        HttpResponse<String> config = dev.send(HttpRequest.newBuilder(dev.uri(WebAppHandler.CONFIG_PATH)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(config.body().contains("\"devSignIn\":true"), config.body());
    }

    private HttpResponse<String> mint(String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(dev.uri(WebAppHandler.DEV_TOKEN_PATH))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return dev.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
