package io.mqchat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeviceAddressTest {

    @Test
    void clientIdSplitsAtTheLastColon() {
        DeviceAddress address = DeviceAddress.parse("urn:alice:phone").orElseThrow();
        assertEquals("urn:alice", address.user());
        assertEquals("phone", address.device());
        assertEquals("urn:alice:phone", address.clientId());
    }

    @Test
    void clientIdsWithoutADeviceOrWithTopicCharactersAreRejected() {
        assertTrue(DeviceAddress.parse("alice").isEmpty());
        assertTrue(DeviceAddress.parse("alice:").isEmpty());
        assertTrue(DeviceAddress.parse(":phone").isEmpty());
        assertTrue(DeviceAddress.parse("al#ce:phone").isEmpty());
        assertTrue(DeviceAddress.parse("alice:ph one").isEmpty());
    }

    @Test
    void userIdsRefuseTopicSyntaxWhitespaceAndControlCharacters() {
        for (String bad : new String[] {"a/b", "a+b", "a#b", "$sys", "a b", "a\tb", "a\u0000b", "", "x".repeat(65)}) {
            assertFalse(UserIds.isValidUserId(bad), bad);
        }
        assertTrue(UserIds.isValidUserId("alice.smith@example.com"));
    }
}
