package io.mqchat.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.auth.TokenMinter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web app on a server with a real key source ({@code jwt.secret}): no development sign-in at all, and the
 * identity provider's token handed over in the URL fragment.
 */
class WebSignInIT extends BrowserTest {

    private static final String SECRET = "the-identity-providers-shared-secret-0123456789";

    @BeforeAll
    void startServerWithARealKeySource() throws Exception {
        startServer(Map.of("MQCHAT_JWT_SECRET", SECRET), "web-signin-server.log");
    }

    @Test
    void withARealKeySourceThereIsNoDevelopmentSignIn() throws Exception {
        assertTrue(server.webAppLine().matches("mqchat: web app: http://127\\.0\\.0\\.1:\\d+/"), server.webAppLine());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> mint = http.send(HttpRequest.newBuilder(URI.create(server.webApp() + "dev/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"user\":\"alice\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, mint.statusCode(), mint.body());
        HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create(server.webApp() + "app/config.json"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(config.body().contains("\"devSignIn\":false"), config.body());

        ChatBrowser browser = open("visitor");
        assertTrue(browser.isSignInShown());
        assertFalse(browser.isDevelopmentSignInShown(), "only the token field is offered");
    }

    @Test
    void theIdentityProvidersTokenIsTakenFromTheFragmentAndRemovedFromTheAddress() {
        String token = new TokenMinter(SECRET, Clock.systemUTC()).mint("dora", Duration.ofMinutes(30));
        ChatBrowser dora = open("dora");
        dora.leave();
        // As the identity provider redirects back: a fresh load of the page with the token in the fragment.
        dora.navigate(server.webApp() + "#token=" + token);
        dora.awaitConnected();
        dora.await(ExpectedConditions.textToBe(By.id("me-name"), "dora"));
        assertFalse(dora.currentUrl().contains(token), dora.currentUrl());
    }

    @Test
    void aTokenTheBrokerRefusesLeadsBackToSignInWithTheReason() {
        String foreign = new TokenMinter("some-other-secret-that-the-server-does-not-know", Clock.systemUTC())
                .mint("mallory", Duration.ofMinutes(30));
        ChatBrowser mallory = open("mallory");
        mallory.leave();
        mallory.navigate(server.webApp() + "#token=" + foreign);
        mallory.await(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-error"),
                "The server refused the sign-in"));
        assertTrue(mallory.isSignInShown());
    }
}
