package io.mqchat.archive.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.config.ConfigException;
import io.mqchat.config.ConfigLoader;
import io.mqchat.extension.config.JwtConfig;
import io.mqchat.media.settings.MediaSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveSettingsMapperTest {

    private static final String SECRET = "archive-test-secret-0123456789abcdef-0123";

    @Test
    void defaultsSweepEveryMinuteAndKeepAnswersAt128KiB() {
        ArchiveSettings settings = ArchiveSettingsMapper.archive(new ConfigLoader(ArchiveKeys.SCHEMA).load(null, Map.of()));
        assertEquals(Duration.ofMinutes(1), settings.sweepInterval());
        assertEquals(128 * 1024, settings.pageMaxBytes());
        assertEquals(ArchiveSettings.defaults(), settings);
    }

    @Test
    void aStandaloneWorkerReadsTheSharedMongoKeysAndTheEnvironmentOverridesTheFile(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("mqchat.properties"), "mongo.uri=mongodb://db.example:27017\n"
                + "service.token=t0k\narchive.sweep-interval=5m\nworker.instance=a\njwt.secret=" + SECRET + "\n");
        WorkerSettings settings = ArchiveSettingsMapper.worker(new ConfigLoader(ArchiveKeys.STANDALONE).load(file,
                Map.of("MQCHAT_ARCHIVE_SWEEP_INTERVAL", "30s", "MQCHAT_MONGO_DATABASE", "chat")));
        assertEquals("mongodb://db.example:27017", settings.mongoUri());
        assertEquals("chat", settings.database());
        assertEquals(Duration.ofSeconds(30), settings.archive().sweepInterval());
        assertEquals(1883, settings.brokerPort());
        assertEquals("a", settings.instance());
        assertEquals(MediaSettings.defaults(), settings.media(), "the media endpoint is on, on loopback port 8090");
        assertEquals(SECRET, settings.jwt().hmacSecret());
        assertFalse(settings.toString().contains("t0k"), "the token stays out of logs");
        assertFalse(settings.toString().contains(SECRET), "the secret stays out of logs");
    }

    @Test
    void aStandaloneWorkerNeedsAMongoAddressATokenAValidInstanceNameAndATokenKeyForItsMediaEndpoint() {
        ConfigException e = assertThrows(ConfigException.class, () -> ArchiveSettingsMapper.worker(
                new ConfigLoader(ArchiveKeys.STANDALONE).load(null, Map.of("MQCHAT_WORKER_INSTANCE", "a/b"))));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("MQCHAT_MONGO_URI"), e.getMessage());
        assertTrue(e.getMessage().contains("MQCHAT_SERVICE_TOKEN"), e.getMessage());
        assertTrue(e.getMessage().contains("worker.instance"), e.getMessage());
        assertTrue(e.getMessage().contains("jwt.secret (MQCHAT_JWT_SECRET) is required"), e.getMessage());
    }

    @Test
    void withTheMediaEndpointOffNoTokenKeyIsNeeded() {
        WorkerSettings settings = ArchiveSettingsMapper.worker(new ConfigLoader(ArchiveKeys.STANDALONE).load(null,
                Map.of("MQCHAT_MONGO_URI", "mongodb://db", "MQCHAT_SERVICE_TOKEN", "t0k", "MQCHAT_MEDIA_PORT", "0")));
        assertFalse(settings.media().enabled());
        assertNull(settings.jwt());
    }

    @Test
    void aJwksFileReplacesTheSecretAndTheBrokersTokenChecksApply(@TempDir Path dir) throws Exception {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[]}");
        WorkerSettings settings = ArchiveSettingsMapper.worker(new ConfigLoader(ArchiveKeys.STANDALONE).load(null,
                Map.of("MQCHAT_MONGO_URI", "mongodb://db", "MQCHAT_SERVICE_TOKEN", "t0k",
                        "MQCHAT_JWT_JWKS_FILE", jwks.toString(), "MQCHAT_JWT_ISSUER", "https://id.example",
                        "MQCHAT_JWT_AUDIENCE", "mqchat", "MQCHAT_MEDIA_BIND", "0.0.0.0")));
        assertEquals(new JwtConfig(null, jwks, null, "https://id.example", "mqchat", Duration.ofSeconds(30)),
                settings.jwt());
        assertEquals("0.0.0.0", settings.media().bind());
    }

    @Test
    void aConfiguredTokenKeyMustBeUsableEvenWithTheMediaEndpointOff(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> ArchiveSettingsMapper.worker(
                new ConfigLoader(ArchiveKeys.STANDALONE).load(null, Map.of("MQCHAT_MONGO_URI", "mongodb://db",
                        "MQCHAT_SERVICE_TOKEN", "t0k", "MQCHAT_MEDIA_PORT", "0", "MQCHAT_JWT_SECRET", "short"))));
        assertEquals(List.of("jwt.secret must be at least 32 bytes"), e.problems());
        ConfigException both = assertThrows(ConfigException.class, () -> ArchiveSettingsMapper.worker(
                new ConfigLoader(ArchiveKeys.STANDALONE).load(null, Map.of("MQCHAT_MONGO_URI", "mongodb://db",
                        "MQCHAT_SERVICE_TOKEN", "t0k", "MQCHAT_JWT_SECRET", SECRET,
                        "MQCHAT_JWT_JWKS_FILE", dir.resolve("missing.json").toString()))));
        assertTrue(both.getMessage().contains("jwt.jwks-file"), both.getMessage());
    }

    @Test
    void aSweepIntervalBelowOneSecondIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(ArchiveKeys.SCHEMA)
                .load(null, Map.of("MQCHAT_ARCHIVE_SWEEP_INTERVAL", "500ms")));
        assertTrue(e.getMessage().contains("archive.sweep-interval"), e.getMessage());
    }
}
