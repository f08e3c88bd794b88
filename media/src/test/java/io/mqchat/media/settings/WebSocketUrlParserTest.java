package io.mqchat.media.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WebSocketUrlParserTest {

    private final WebSocketUrlParser parser = new WebSocketUrlParser();

    @Test
    void wsAndWssUrlsAreTakenAsWrittenWithTheUserPlaceholder() {
        assertEquals("ws://10.0.0.5:8083/mqtt", parser.parse("ws://10.0.0.5:8083/mqtt"));
        assertEquals("wss://chat.example/mqtt?user={user}", parser.parse("wss://chat.example/mqtt?user={user}"));
    }

    @Test
    void anythingElseIsRefused() {
        for (String text : new String[] {"http://chat.example/mqtt", "chat.example:8083", "ws:///mqtt", "ws://a b/"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parser.parse(text), text);
            assertEquals("not a ws:// or wss:// URL", e.getMessage());
        }
    }
}
