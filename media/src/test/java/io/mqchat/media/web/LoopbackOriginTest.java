package io.mqchat.media.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which requests count as coming from a page opened on loopback (development sign-in answers only those). */
class LoopbackOriginTest {

    @Test
    void aPageOpenedOnALoopbackAddressMayAsk() {
        assertTrue(LoopbackOrigin.isLoopbackPage("127.0.0.1:8090", "http://127.0.0.1:8090"));
        assertTrue(LoopbackOrigin.isLoopbackPage("localhost:8090", "http://localhost:8090"));
        assertTrue(LoopbackOrigin.isLoopbackPage("[::1]:8090", "http://[::1]:8090"));
        assertTrue(LoopbackOrigin.isLoopbackPage("127.0.0.1:8090", null), "a client that is not a browser");
    }

    @Test
    void aRebindingPageNamesItsOwnHostAndIsRefused() {
        assertFalse(LoopbackOrigin.isLoopbackPage("attacker.example:8090", "http://attacker.example:8090"));
        assertFalse(LoopbackOrigin.isLoopbackPage("127.0.0.1.attacker.example", null));
        assertFalse(LoopbackOrigin.isLoopbackPage("192.168.1.20:8090", null), "reached over the network");
        assertFalse(LoopbackOrigin.isLoopbackPage(null, null));
    }

    @Test
    void aPageOfAnotherOriginIsRefusedEvenOnLoopback() {
        assertFalse(LoopbackOrigin.isLoopbackPage("127.0.0.1:8090", "http://evil.example"));
        assertFalse(LoopbackOrigin.isLoopbackPage("127.0.0.1:8090", "http://127.0.0.1:9999"));
        assertFalse(LoopbackOrigin.isLoopbackPage("127.0.0.1:8090", "null"));
    }
}
