package io.mqchat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private final List<String> keys = List.of("mqtt.port", "mqtt.bind", "websocket.port", "jwt.secret");

    @Test
    void swappedLettersCountAsOneEdit() {
        assertEquals(1, Suggestions.distance("prot", "port"));
        assertEquals(Optional.of("mqtt.port"), Suggestions.closest("mqtt.prot", keys));
    }

    @Test
    void missingOrWrongCaseLettersStillFindTheKey() {
        assertEquals(Optional.of("jwt.secret"), Suggestions.closest("jwt.secrt", keys));
        assertEquals(Optional.of("websocket.port"), Suggestions.closest("WebSocket.Port", keys));
    }

    @Test
    void distantNamesGetNoSuggestion() {
        assertEquals(Optional.empty(), Suggestions.closest("redis.url", keys));
    }
}
