package io.mqchat.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MqchatClientBuilderTest {

    @Test
    void theMediaEndpointIsAnHttpOrHttpsUriWithAHost() {
        assertDoesNotThrow(() -> MqchatClient.builder().mediaUri(URI.create("http://127.0.0.1:8090")));
        assertDoesNotThrow(() -> MqchatClient.builder().mediaUri(URI.create("https://chat.example.com/chat/")));

        for (String bad : new String[] {"tcp://127.0.0.1:8090", "/media", "http:///media", "http://host/?a=b",
                "http://host/#top"}) {
            assertThrows(IllegalArgumentException.class, () -> MqchatClient.builder().mediaUri(URI.create(bad)), bad);
        }
    }

    @Test
    void mediaRetriesAndTimeoutsCannotBeNegative() {
        assertDoesNotThrow(() -> MqchatClient.builder().mediaRetries(0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> MqchatClient.builder().mediaRetries(-1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> MqchatClient.builder().mediaRetries(1, Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> MqchatClient.builder().mediaTimeout(Duration.ZERO));
    }
}
