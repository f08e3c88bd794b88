package io.mqchat.presence.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** The embedded Redis is a real redis-server that keeps its files in its data folder. */
class EmbeddedRedisTest {

    @TempDir
    Path dataDir;

    @Test
    void startsARealRedisServerOnAFreePortAndStops() throws IOException {
        EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0);
        try (JedisPooled jedis = new JedisPooled(redis.host(), redis.port(), null, redis.password())) {
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
        try (JedisPooled jedis = new JedisPooled(redis.host(), redis.port(), null, redis.password())) {
            jedis.set("mqchat:test", "kept");
            redis.stop();
            redis.start();
        }
        // A new client: the old one's pooled connection died with the first process.
        try (JedisPooled jedis = new JedisPooled(redis.host(), redis.port(), null, redis.password())) {
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
             JedisPooled jedis = new JedisPooled(redis.host(), redis.port(), null, redis.password())) {
            jedis.set("mqchat:test", "kept");
        }
        assertTrue(Files.isRegularFile(dataDir.resolve(EmbeddedRedis.SNAPSHOT_FILE)));
        assertFalse(Files.exists(tempDump) && Files.getLastModifiedTime(tempDump).compareTo(started) > 0,
                "no dump.rdb written to the temp folder");
    }

    @Test
    void aClientWithoutThePasswordIsRefusedAndThePasswordIsNeitherOnTheCommandLineNorLeftOnDisk() throws IOException {
        try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0);
             Jedis stranger = new Jedis(redis.host(), redis.port());
             Jedis guesser = new Jedis(redis.host(), redis.port());
             JedisPooled owner = new JedisPooled(redis.host(), redis.port(), null, redis.password())) {
            JedisDataException refused = assertThrows(JedisDataException.class, () -> stranger.get("mqchat:test"));
            assertTrue(refused.getMessage().startsWith("NOAUTH"), refused.getMessage());
            assertThrows(JedisDataException.class, () -> guesser.auth("not-the-password"));
            assertEquals("PONG", owner.ping());

            assertTrue(RedisProcesses.commandLines().stream().noneMatch(line -> line.contains(redis.password())),
                    "the password shows in no process's command line");
            try (Stream<Path> files = Files.walk(dataDir)) {
                assertTrue(files.filter(Files::isRegularFile).noneMatch(file -> contains(file, redis.password())),
                        "no file in the data folder holds the password");
            }
        }
    }

    @Test
    void everyStartDrawsAnotherPassword() throws IOException {
        String first;
        try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0)) {
            first = redis.password();
        }
        try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0);
             Jedis old = new Jedis(redis.host(), redis.port())) {
            assertNotEquals(first, redis.password());
            assertThrows(JedisDataException.class, () -> old.auth(first));
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false; // a file redis replaced while it was read
        }
    }
}
