package io.mqchat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {

    @Test
    void keysMapToPrefixedUpperCaseVariables() {
        assertEquals("MQCHAT_JWT_JWKS_URL", Key.httpUrl("jwt.jwks-url", "JWKS").envName());
        assertEquals("MQCHAT_MQTT_PORT", Key.port("mqtt.port", "1883", "port").envName());
    }

    @Test
    void badDefaultFailsWhenTheKeyIsDeclared() {
        assertThrows(IllegalArgumentException.class,
                () -> Key.duration("x.ttl", "10x", Duration.ZERO, "a ttl"));
    }

    @Test
    void keysSharingAVariableCannotBeCombined() {
        Key<String> dotted = Key.text("a.b", null, "one");
        Key<String> dashed = Key.text("a-b", null, "other");

        assertThrows(IllegalArgumentException.class, () -> ConfigSchema.of(dotted, dashed));
    }

    @Test
    void componentSchemasCombineIntoOneProgramSchema() {
        ConfigSchema broker = ConfigSchema.of(Key.port("mqtt.port", "1883", "port"));
        ConfigSchema worker = ConfigSchema.of(Key.text("redis.url", null, "Redis"));

        ConfigSchema both = broker.plus(worker);

        assertEquals(2, both.keys().size());
        assertThrows(IllegalArgumentException.class, () -> both.plus(broker));
    }

    @Test
    void referenceListsEveryKeyWithVariableAndDefault() {
        ConfigSchema schema = ConfigSchema.of(Key.port("mqtt.port", "1883", "MQTT over TCP port"));

        String reference = ConfigReference.render(schema);

        assertTrue(reference.contains("# MQTT over TCP port"), reference);
        assertTrue(reference.contains("MQCHAT_MQTT_PORT"), reference);
        assertTrue(reference.contains("#mqtt.port=1883"), reference);
    }
}
