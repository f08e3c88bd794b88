package io.mqchat.groups.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.config.ConfigException;
import io.mqchat.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupSettingsMapperTest {

    @Test
    void defaultsAreTheEmbeddedStoreAndAMemberLimitOf256() {
        GroupSettings settings = GroupSettingsMapper.groups(new ConfigLoader(GroupKeys.SCHEMA).load(null, Map.of()));
        assertNull(settings.mongoUri());
        assertEquals("mqchat", settings.database());
        assertEquals(256, settings.maxMembers());
        assertEquals(Duration.ofSeconds(30), settings.cacheTtl());
        assertEquals(GroupSettings.defaults(), settings);
    }

    @Test
    void theEnvironmentOverridesTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mqchat.properties"),
                "mongo.uri=mongodb://db.example:27017\nservice.token=t0k\ngroups.max-members=50\nworker.instance=a\n"
                        + "worker.lanes=0-7\n");
        WorkerSettings settings = GroupSettingsMapper.worker(new ConfigLoader(GroupKeys.STANDALONE).load(file,
                Map.of("MQCHAT_GROUPS_MAX_MEMBERS", "64", "MQCHAT_BROKER_PORT", "1884")));
        assertEquals("mongodb://db.example:27017", settings.groups().mongoUri());
        assertEquals(64, settings.groups().maxMembers());
        assertEquals(1884, settings.brokerPort());
        assertEquals("a", settings.instance());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), settings.feeds().lanes().lanes());
        assertTrue(!settings.toString().contains("t0k"), "the token stays out of logs");
    }

    @Test
    void lanesOutsideTheFeedsAreRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> GroupSettingsMapper.worker(
                new ConfigLoader(GroupKeys.STANDALONE).load(null, Map.of("MQCHAT_WORKER_LANES", "8-16",
                        "MQCHAT_MONGO_URI", "mongodb://db.example", "MQCHAT_SERVICE_TOKEN", "t"))));
        assertTrue(e.getMessage().contains("worker.lanes"), e.getMessage());
    }

    @Test
    void aStandaloneWorkerNeedsAMongoAddressAndAToken() {
        ConfigException e = assertThrows(ConfigException.class, () -> GroupSettingsMapper.worker(
                new ConfigLoader(GroupKeys.STANDALONE).load(null, Map.of("MQCHAT_WORKER_INSTANCE", "a/b"))));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("MQCHAT_MONGO_URI"), e.getMessage());
        assertTrue(e.getMessage().contains("MQCHAT_SERVICE_TOKEN"), e.getMessage());
        assertTrue(e.getMessage().contains("worker.instance"), e.getMessage());
    }

    @Test
    void aMemberLimitBelowTwoIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(GroupKeys.SCHEMA)
                .load(null, Map.of("MQCHAT_GROUPS_MAX_MEMBERS", "1")));
        assertTrue(e.getMessage().contains("groups.max-members"), e.getMessage());
    }
}
