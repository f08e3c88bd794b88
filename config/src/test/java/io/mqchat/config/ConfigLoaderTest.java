package io.mqchat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    static final Key<Integer> PORT = Key.port("mqtt.port", "1883", "MQTT port");
    static final Key<Integer> WS_PORT = Key.portOrOff("websocket.port", "8083", "WebSocket port, 0 = off");
    static final Key<Long> QUEUE = Key.longInteger("queue.limit", "10000", 1, Long.MAX_VALUE, "queue limit");
    static final Key<Duration> TTL = Key.duration("receipts.delivery-ttl", "10m", Duration.ofSeconds(1), "ttl");
    static final Key<String> MODE = Key.choice("persistence", "file", List.of("file", "memory"), "storage");
    static final Key<String> SECRET = Key.secret("jwt.secret", "HS256 secret");
    static final ConfigSchema SCHEMA = ConfigSchema.of(PORT, WS_PORT, QUEUE, TTL, MODE, SECRET);

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(SCHEMA);

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        Config config = loader.load(null, Map.of());

        assertEquals(1883, config.get(PORT));
        assertEquals(8083, config.get(WS_PORT));
        assertEquals(10_000L, config.get(QUEUE));
        assertEquals(Duration.ofMinutes(10), config.get(TTL));
        assertEquals("file", config.get(MODE));
        assertEquals(Optional.empty(), config.find(SECRET));
        assertFalse(config.isSet(PORT));
    }

    @Test
    void fileValuesAreTypedAndTrimmed() throws IOException {
        Path file = write("mqtt.port = 1884  \npersistence=MEMORY\nreceipts.delivery-ttl=1500ms\n");

        Config config = loader.load(file, Map.of());

        assertEquals(1884, config.get(PORT));
        assertEquals("memory", config.get(MODE));
        assertEquals(Duration.ofMillis(1500), config.get(TTL));
        assertEquals(Optional.of(file.toString()), config.origin(PORT));
    }

    @Test
    void environmentOverridesTheFile() throws IOException {
        Path file = write("mqtt.port=1884\nqueue.limit=5\n");

        Config config = loader.load(file, Map.of("MQCHAT_MQTT_PORT", "1885"));

        assertEquals(1885, config.get(PORT));
        assertEquals(5L, config.get(QUEUE));
        assertEquals(Optional.of("MQCHAT_MQTT_PORT"), config.origin(PORT));
    }

    @Test
    void dashesAndDotsBothBecomeUnderscoresInVariableNames() {
        Config config = loader.load(null, Map.of("MQCHAT_RECEIPTS_DELIVERY_TTL", "2h"));

        assertEquals(Duration.ofHours(2), config.get(TTL));
    }

    @Test
    void emptyEnvironmentValueClearsTheFileValue() throws IOException {
        Path file = write("mqtt.port=1884\n");

        Config config = loader.load(file, Map.of("MQCHAT_MQTT_PORT", ""));

        assertEquals(1883, config.get(PORT));
    }

    @Test
    void typoKeyInFileIsRejectedWithSuggestion() throws IOException {
        Path file = write("mqtt.prot=1884\n");

        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file, Map.of()));

        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).contains("unknown key 'mqtt.prot'"), e.getMessage());
        assertTrue(e.problems().get(0).contains("did you mean mqtt.port?"), e.getMessage());
    }

    @Test
    void unrelatedUnknownKeyGetsNoSuggestion() throws IOException {
        Path file = write("completely.different=1\n");

        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file, Map.of()));

        assertTrue(e.getMessage().contains("unknown key 'completely.different'"), e.getMessage());
        assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
    }

    @Test
    void unknownMqchatVariableIsRejectedWithSuggestion() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(null, Map.of("MQCHAT_MQTT_PROT", "1884")));

        assertTrue(e.getMessage().contains("unknown environment variable MQCHAT_MQTT_PROT"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean MQCHAT_MQTT_PORT?"), e.getMessage());
    }

    @Test
    void configFileAndTokenVariablesAndForeignVariablesAreNotKeys() {
        Config config = loader.load(null, Map.of("MQCHAT_CONFIG", "x.properties", "MQCHAT_TOKEN", "a.b.c",
                "PATH", "/bin", "HOME", "/h"));

        assertEquals(1883, config.get(PORT));
    }

    @Test
    void badValuesAreRejectedAllAtOnce() throws IOException {
        Path file = write("queue.limit=lots\npersistence=disk\n");
        Map<String, String> env = Map.of(
                "MQCHAT_MQTT_PORT", "70000",
                "MQCHAT_WEBSOCKET_PORT", "-1",
                "MQCHAT_RECEIPTS_DELIVERY_TTL", "10x");

        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file, env));

        assertEquals(5, e.problems().size(), e.getMessage());
        String message = e.getMessage();
        assertTrue(message.contains("queue.limit: \"lots\" is not an integer"), message);
        assertTrue(message.contains("persistence: \"disk\" is not one of file, memory"), message);
        assertTrue(message.contains("mqtt.port: \"70000\" is not a port 1-65535 (from MQCHAT_MQTT_PORT)"), message);
        assertTrue(message.contains("websocket.port: \"-1\" is not a port 1-65535, or 0 for off"), message);
        assertTrue(message.contains("receipts.delivery-ttl: \"10x\" is not a duration"), message);
    }

    @Test
    void durationBelowItsMinimumIsRejected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(null, Map.of("MQCHAT_RECEIPTS_DELIVERY_TTL", "0s")));

        assertTrue(e.getMessage().contains("below the minimum of 1s"), e.getMessage());
    }

    @Test
    void durationAboveItsMaximumIsRejected() {
        Key<Duration> capped = Key.duration("session.expiry-max", "30d", Duration.ZERO, Duration.ofDays(365), "cap");
        ConfigLoader cappedLoader = new ConfigLoader(ConfigSchema.of(capped));

        ConfigException e = assertThrows(ConfigException.class,
                () -> cappedLoader.load(null, Map.of("MQCHAT_SESSION_EXPIRY_MAX", "400d")));

        assertTrue(e.getMessage().contains("above the maximum of 365d"), e.getMessage());
    }

    @Test
    void secretValuesAreNeverEchoed() {
        Key<Integer> numericSecret = new Key<>("pin", ValueParsers.integer(0, 9999), null, true, "a secret number");
        ConfigLoader secretLoader = new ConfigLoader(ConfigSchema.of(numericSecret));

        ConfigException e = assertThrows(ConfigException.class,
                () -> secretLoader.load(null, Map.of("MQCHAT_PIN", "hunter2")));

        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("pin: the value is not an integer"), e.getMessage());
    }

    @Test
    void missingFileIsReportedInsteadOfIgnored() {
        Path missing = dir.resolve("nope.properties");

        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(missing, Map.of()));

        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void keyWithoutDefaultIsEmptyUntilSet() {
        Config config = loader.load(null, Map.of("MQCHAT_JWT_SECRET", "s3cret"));

        assertTrue(config.isSet(SECRET));
        assertEquals("s3cret", config.get(SECRET));
        assertThrows(IllegalStateException.class, () -> loader.load(null, Map.of()).get(SECRET));
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("mqchat.properties");
        Files.writeString(file, text);
        return file;
    }
}
