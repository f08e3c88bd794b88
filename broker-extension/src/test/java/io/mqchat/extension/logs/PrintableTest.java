package io.mqchat.extension.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void aStrangersTextCannotStartAForgedLogLine() {
        String forged = Printable.of("mallory\n12:00:00.000 INFO  JwtAuthenticator - admin logged in\r\u2028");
        assertFalse(forged.contains("\n") || forged.contains("\r") || forged.contains("\u2028"), forged);
        assertEquals("mallory\\u000A12:00:00.000 INFO  JwtAuthenticator - admin logged in\\u000D\\u2028", forged);
    }

    @Test
    void invisibleAndBidiCharactersAreShownNotObeyed() {
        assertEquals("bob\\u202Egnp.exe\\u200B", Printable.of("bob\u202Egnp.exe\u200B"));
        assertEquals("a\\u005Cu000Ab", Printable.of("a\\u000Ab"), "a written-out escape cannot pose as an escaped one");
    }

    @Test
    void longTextIsCutAndOrdinaryTextStaysAsItIs() {
        assertEquals("zoë 名前 😀 u/bob/inbox", Printable.of("zoë 名前 😀 u/bob/inbox"));
        String cut = Printable.of("x".repeat(500));
        assertEquals(Printable.MAX_LENGTH + 1, cut.length());
        assertTrue(cut.endsWith("…"));
        assertEquals("null", Printable.of(null));
    }
}
