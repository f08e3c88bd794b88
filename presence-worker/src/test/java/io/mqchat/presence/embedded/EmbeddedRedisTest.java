package io.mqchat.presence.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The embedded Redis is a real redis-server that keeps its files in its data folder. */
class EmbeddedRedisTest {

    @TempDir
    Path dataDir;

    @Test
    void startsARealRedisServerOnAFreePortAndStops() throws IOException {
        EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0);
        try (JedisPooled jedis = new JedisPooled(redis.host(), redis.port())) {
            assertTrue(redis.isRunning());
            assertEquals("PONG", jedis.ping());
            assertEquals("127.0.0.1:" + redis.port(), redis.address());
            redis.stop();
            assertFalse(redis.isRunning());
            assertThrows(JedisConnectionException.class, jedis::ping);
        } finally {
            redis.stop();
        }
    }

    @Test
    void dataSurvivesARestartOnTheSameFolderAndPort() throws IOException {
        EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0);
        try (JedisPooled jedis = new JedisPooled(redis.host(), redis.port())) {
            jedis.set("mqchat:test", "kept");
            redis.stop();
            redis.start();
        }
        // A new client: the old one's pooled connection died with the first process.
        try (JedisPooled jedis = new JedisPooled(redis.host(), redis.port())) {
            assertEquals("kept", jedis.get("mqchat:test"));
        } finally {
            redis.stop();
        }
    }

    @Test
    void theSnapshotGoesToTheDataFolderNotTheTempFolder() throws IOException {
        FileTime started = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        Path tempDump = Path.of(System.getProperty("java.io.tmpdir")).resolve("dump.rdb");
        try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0);
             JedisPooled jedis = new JedisPooled(redis.host(), redis.port())) {
            jedis.set("mqchat:test", "kept");
        }
        assertTrue(Files.isRegularFile(dataDir.resolve(EmbeddedRedis.SNAPSHOT_FILE)));
        assertFalse(Files.exists(tempDump) && Files.getLastModifiedTime(tempDump).compareTo(started) > 0,
                "no dump.rdb written to the temp folder");
    }
}
