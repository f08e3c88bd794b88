package io.mqchat.server.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.archive.settings.ArchiveSettings;
import io.mqchat.cluster.NodeInfo;
import io.mqchat.config.ConfigException;
import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.embedded.BrokerSettings;
import io.mqchat.server.devsecret.DevSecretFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSettingsMapperTest {

    private static final String SECRET = "a-configured-secret-of-at-least-32-bytes!";

    @TempDir
    Path dir;

    private ServerSettings load(Map<String, String> env) {
        return new ServerSettingsLoader(env, dir, new DevSecretFile(new SecureRandom())).load(null);
    }

    private Path writeConfig(String text) throws IOException {
        return Files.writeString(dir.resolve("mqchat.properties"), text);
    }

    @Test
    void defaultsGiveLoopbackListenersFilePersistenceAndADevelopmentSecret() {
        ServerSettings settings = load(Map.of());

        BrokerSettings broker = settings.broker();
        assertEquals("127.0.0.1", broker.bindAddress());
        assertEquals(1883, broker.mqttPort());
        assertEquals(8083, broker.websocketPort());
        assertEquals("/mqtt", broker.websocketPath());
        assertEquals(dir.resolve("data"), broker.dataFolder());
        assertTrue(broker.filePersistence());
        assertEquals(262_144, broker.maxPacketBytes());
        assertEquals(Duration.ofDays(30), broker.sessionExpiryMax());
        ExtensionConfig extension = settings.extension();
        assertEquals(65_536, extension.maxMessageBytes());
        assertEquals(10_000, extension.queueLimit());
        assertEquals(Duration.ofMinutes(10), extension.deliveryTtl());
        assertEquals(Duration.ofSeconds(30), extension.jwt().clockSkew());
        assertEquals(Optional.of(dir.resolve("data/dev-jwt-secret")), settings.devSecretFile());
    }

    @Test
    void everyKeyFromTheFileReachesBrokerAndExtension() throws IOException {
        writeConfig("""
                mqtt.bind=0.0.0.0
                mqtt.port=2883
                websocket.port=0
                websocket.path=/chat
                data.dir=/var/lib/mqchat
                persistence=memory
                jwt.secret=%s
                jwt.issuer=https://id.example
                jwt.audience=mqchat
                jwt.clock-skew=5s
                message.max-bytes=1024
                queue.limit=50
                receipts.delivery-ttl=1m
                session.expiry-max=7d
                packet.max-bytes=4096
                """.formatted(SECRET));

        ServerSettings settings = load(Map.of());

        assertEquals(new BrokerSettings("0.0.0.0", 2883, 0, "/chat", Path.of("/var/lib/mqchat"), false, 4096,
                Duration.ofDays(7)), settings.broker());
        ExtensionConfig extension = settings.extension();
        assertEquals(SECRET, extension.jwt().hmacSecret());
        assertEquals("https://id.example", extension.jwt().issuer());
        assertEquals("mqchat", extension.jwt().audience());
        assertEquals(Duration.ofSeconds(5), extension.jwt().clockSkew());
        assertEquals(1024, extension.maxMessageBytes());
        assertEquals(50, extension.queueLimit());
        assertEquals(Duration.ofMinutes(1), extension.deliveryTtl());
        assertEquals(Optional.empty(), settings.devSecretFile());
    }

    @Test
    void environmentOverrideWinsOverTheFile() throws IOException {
        writeConfig("mqtt.port=2883\nqueue.limit=50\n");

        ServerSettings settings = load(Map.of("MQCHAT_MQTT_PORT", "3883", "MQCHAT_JWT_JWKS_URL",
                "https://id.example/jwks.json"));

        assertEquals(3883, settings.broker().mqttPort());
        assertEquals(50, settings.extension().queueLimit());
        assertEquals(URI.create("https://id.example/jwks.json"), settings.extension().jwt().jwksUrl());
        assertNull(settings.extension().jwt().hmacSecret());
    }

    @Test
    void typoKeyIsRejectedWithASuggestion() throws IOException {
        writeConfig("mqtt.prot=1884\n");

        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of()));

        assertTrue(e.getMessage().contains("unknown key 'mqtt.prot'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean mqtt.port?"), e.getMessage());
    }

    @Test
    void malformedValuesAreRejectedTogether() throws IOException {
        writeConfig("mqtt.port=99999\npersistence=disk\n");

        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Map.of("MQCHAT_JWT_CLOCK_SKEW", "10x", "MQCHAT_QUEUE_LIMIT", "many")));

        assertEquals(4, e.problems().size(), e.getMessage());
    }

    @Test
    void conflictingTokenKeySourcesAreRejected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Map.of("MQCHAT_JWT_SECRET", SECRET, "MQCHAT_JWT_JWKS_URL", "https://id.example/jwks")));

        assertTrue(e.getMessage().contains("exactly one of jwt.secret, jwt.jwks-file, jwt.jwks-url"), e.getMessage());
    }

    @Test
    void shortSecretIsRejectedWithoutEchoingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("MQCHAT_JWT_SECRET", "tiny")));

        assertTrue(e.getMessage().contains("jwt.secret must be at least 32 bytes"), e.getMessage());
        assertFalse(e.getMessage().contains("tiny"), e.getMessage());
    }

    @Test
    void brokerRulesAcrossKeysBecomeConfigProblems() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Map.of("MQCHAT_MQTT_PORT", "2000", "MQCHAT_WEBSOCKET_PORT", "2000",
                        "MQCHAT_MESSAGE_MAX_BYTES", "300000")));

        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("ports must differ"), e.getMessage());
        assertTrue(e.getMessage().contains("message.max-bytes (300000) must be smaller than packet.max-bytes"),
                e.getMessage());
    }

    @Test
    void missingJwksFileIsReported() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Map.of("MQCHAT_JWT_JWKS_FILE", "keys/jwks.json")));

        assertTrue(e.getMessage().contains("jwt.jwks-file"), e.getMessage());
    }

    @Test
    void brokenConfigLeavesNoDevelopmentSecretBehind() {
        assertThrows(ConfigException.class, () -> load(Map.of("MQCHAT_MQTT_PORT", "0")));

        assertFalse(Files.exists(dir.resolve("data")));
    }

    @Test
    void aNodeOfAClusterIsDescribedByItsIdAdvertisedHostAndListeners() {
        ServerSettings settings = load(Map.of("MQCHAT_CLUSTER_NODE_ID", "node-7", "MQCHAT_CLUSTER_ADVERTISED_HOST",
                "chat7.internal", "MQCHAT_REDIS_ADDRESS", "redis.internal:6379", "MQCHAT_CLUSTER_BALANCED_MQTT_PORT",
                "21883", "MQCHAT_CLUSTER_BALANCED_WEBSOCKET_PORT", "28083", "MQCHAT_CLUSTER_SECRET", SECRET));

        ClusterSettings cluster = settings.cluster().orElseThrow();
        assertEquals(new NodeInfo("node-7", "chat7.internal:1883", "chat7.internal:8083"), cluster.self());
        assertEquals("node-7:1883", load(Map.of("MQCHAT_CLUSTER_NODE_ID", "node-7", "MQCHAT_CLUSTER_ADVERTISED_HOST",
                "chat7.internal", "MQCHAT_REDIS_ADDRESS", "redis.internal:6379", "MQCHAT_CLUSTER_SECRET", SECRET,
                "MQCHAT_CLUSTER_RELAY_HOST", "node-7")).cluster().orElseThrow().self().relay(),
                "the other nodes' relays reach it by its container name");
        assertEquals("redis.internal:6379", cluster.registry().toString());
        assertEquals(21883, settings.broker().balancedMqttPort());
        assertEquals(28083, settings.broker().balancedWebsocketPort());
        assertEquals(Optional.empty(), load(Map.of()).cluster(), "alone by default");
        assertEquals(ArchiveSettings.CLUSTER_CHANGE_WAIT, settings.archive().changeWait(),
                "a node's changes may reach the archive before their messages: they wait");
        assertEquals(java.time.Duration.ZERO, load(Map.of()).archive().changeWait(), "alone they cannot");
    }

    @Test
    void aNodeWithoutAnAddressOrASharedRedisIsRefusedWithBothReasons() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("MQCHAT_CLUSTER_NODE_ID", "n1")));
        assertTrue(e.getMessage().contains("cluster.advertised-host is required"), e.getMessage());
        assertTrue(e.getMessage().contains("redis.address is required"), e.getMessage());
        assertTrue(e.getMessage().contains("cluster.secret is required"), e.getMessage());

        ConfigException orphan = assertThrows(ConfigException.class,
                () -> load(Map.of("MQCHAT_CLUSTER_BALANCED_MQTT_PORT", "21883")));
        assertTrue(orphan.getMessage().contains("need cluster.node-id"), orphan.getMessage());
        ConfigException badId = assertThrows(ConfigException.class, () -> load(Map.of("MQCHAT_CLUSTER_NODE_ID",
                "node one", "MQCHAT_CLUSTER_ADVERTISED_HOST", "h", "MQCHAT_REDIS_ADDRESS", "r:6379",
                "MQCHAT_CLUSTER_SECRET", SECRET)));
        assertTrue(badId.getMessage().contains("node id"), badId.getMessage());
    }
}
