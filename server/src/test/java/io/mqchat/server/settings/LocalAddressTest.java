package io.mqchat.server.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LocalAddressTest {

    @Test
    void aListenerOnEveryInterfaceIsReachedOnLoopback() {
        assertEquals("127.0.0.1", LocalAddress.of("0.0.0.0"));
        assertEquals("::1", LocalAddress.of("::"));
        assertEquals("[::1]", LocalAddress.uriHost("[::]"));
    }

    @Test
    void aListenerOnOneAddressIsReachedThere() {
        assertEquals("10.0.0.7", LocalAddress.of("10.0.0.7"));
        assertEquals("10.0.0.7", LocalAddress.uriHost("10.0.0.7"));
        assertEquals("[fd00::7]", LocalAddress.uriHost("fd00::7"));
    }
}
