package io.mqchat.archive.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.config.ConfigException;
import io.mqchat.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveSettingsMapperTest {

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
                + "service.token=t0k\narchive.sweep-interval=5m\nworker.instance=a\n");
        WorkerSettings settings = ArchiveSettingsMapper.worker(new ConfigLoader(ArchiveKeys.STANDALONE).load(file,
                Map.of("MQCHAT_ARCHIVE_SWEEP_INTERVAL", "30s", "MQCHAT_MONGO_DATABASE", "chat")));
        assertEquals("mongodb://db.example:27017", settings.mongoUri());
        assertEquals("chat", settings.database());
        assertEquals(Duration.ofSeconds(30), settings.archive().sweepInterval());
        assertEquals(1883, settings.brokerPort());
        assertEquals("a", settings.instance());
        assertFalse(settings.toString().contains("t0k"), "the token stays out of logs");
    }

    @Test
    void aStandaloneWorkerNeedsAMongoAddressATokenAndAValidInstanceName() {
        ConfigException e = assertThrows(ConfigException.class, () -> ArchiveSettingsMapper.worker(
                new ConfigLoader(ArchiveKeys.STANDALONE).load(null, Map.of("MQCHAT_WORKER_INSTANCE", "a/b"))));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("MQCHAT_MONGO_URI"), e.getMessage());
        assertTrue(e.getMessage().contains("MQCHAT_SERVICE_TOKEN"), e.getMessage());
        assertTrue(e.getMessage().contains("worker.instance"), e.getMessage());
    }

    @Test
    void aSweepIntervalBelowOneSecondIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(ArchiveKeys.SCHEMA)
                .load(null, Map.of("MQCHAT_ARCHIVE_SWEEP_INTERVAL", "500ms")));
        assertTrue(e.getMessage().contains("archive.sweep-interval"), e.getMessage());
    }
}
