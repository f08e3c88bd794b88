package io.mqchat.server.settings;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.config.Key;
import io.mqchat.extension.settings.ExtensionKeys;
import org.junit.jupiter.api.Test;

/** The all-in-one server understands every key the zip-deployed extension does, declared once. */
class ExtensionKeysInServerTest {

    @Test
    void everyExtensionKeyIsAServerKey() {
        for (Key<?> key : ExtensionKeys.SCHEMA.keys()) {
            assertTrue(ServerKeys.SCHEMA.contains(key), key.name() + " is in the server's schema, as the same key");
        }
    }
}
