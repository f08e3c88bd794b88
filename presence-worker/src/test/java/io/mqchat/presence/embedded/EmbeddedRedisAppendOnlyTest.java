package io.mqchat.presence.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/** Acknowledged writes survive a crash of redis-server, and an upgrade from a folder with only a snapshot. */
class EmbeddedRedisAppendOnlyTest {

    private static final String ALICE = "mqchat:presence:user:alice";
    private static final int KEYS = 1000;

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedWritesSurviveAKillOfTheRedisServer() throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0);
        try (JedisPooled jedis = new JedisPooled(redis.host(), redis.port(), null, redis.password())) {
            writeKeys(jedis);
            jedis.hset(ALICE, "privacy", "nobody");
            killRedis();
        } finally {
            redis.stop();
            RedisProcesses.kill(dataDir);
        }

        try (EmbeddedRedis restarted = EmbeddedRedis.start(dataDir, 0);
             JedisPooled jedis = new JedisPooled(restarted.host(), restarted.port(), null, restarted.password())) {
            assertKeys(jedis);
            assertEquals("nobody", jedis.hget(ALICE, "privacy"));
        }
    }

    @Test
    void aFolderWithOnlyASnapshotFromAnOlderVersionKeepsItsDataInTheAppendOnlyFile() throws Exception {
        try (LegacyRedis old = LegacyRedis.start(dataDir); JedisPooled jedis = old.client()) {
            writeKeys(jedis);
            jedis.hset(ALICE, "privacy", "nobody");
            old.stop();
        }
        assertTrue(Files.isRegularFile(dataDir.resolve(EmbeddedRedis.SNAPSHOT_FILE)));
        assertEquals(List.of(), appendOnlyFiles(), "the older version left only its snapshot");

        EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0);
        try (JedisPooled jedis = new JedisPooled(redis.host(), redis.port(), null, redis.password())) {
            assertKeys(jedis);
            assertEquals("nobody", jedis.hget(ALICE, "privacy"));
            jedis.hset(ALICE, "lastSeen", "1795000000123");
            killRedis(); // no snapshot at shutdown
        } finally {
            redis.stop();
            RedisProcesses.kill(dataDir);
        }
        // From now on the append-only file alone holds the data: the old data and the write after the upgrade.
        Files.delete(dataDir.resolve(EmbeddedRedis.SNAPSHOT_FILE));

        try (EmbeddedRedis restarted = EmbeddedRedis.start(dataDir, 0);
             JedisPooled jedis = new JedisPooled(restarted.host(), restarted.port(), null, restarted.password())) {
            assertKeys(jedis);
            assertEquals("nobody", jedis.hget(ALICE, "privacy"));
            assertEquals("1795000000123", jedis.hget(ALICE, "lastSeen"));
        }
    }

    /** SIGKILL: redis gets no chance to write anything at shutdown. */
    private void killRedis() throws InterruptedException {
        List<ProcessHandle> servers = RedisProcesses.of(dataDir);
        assertEquals(1, servers.size(), "redis-servers on the folder: " + servers);
        servers.get(0).destroyForcibly();
        assertTrue(RedisProcesses.awaitNone(dataDir), "the killed redis-server ended");
    }

    private List<Path> appendOnlyFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".aof")).toList();
        }
    }

    private static void writeKeys(JedisPooled jedis) {
        for (int i = 0; i < KEYS; i++) {
            jedis.set("key:" + i, "value:" + i);
        }
    }

    private static void assertKeys(JedisPooled jedis) {
        for (int i = 0; i < KEYS; i++) {
            assertEquals("value:" + i, jedis.get("key:" + i), "key:" + i);
        }
    }
}
