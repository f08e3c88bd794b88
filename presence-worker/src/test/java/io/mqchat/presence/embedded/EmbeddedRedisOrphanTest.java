package io.mqchat.presence.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/** A redis-server left running on the data folder is stopped before a new one starts there. */
class EmbeddedRedisOrphanTest {

    private static final String ALICE = "mqchat:presence:user:alice";
    private static final String BOB = "mqchat:presence:user:bob";

    @TempDir
    Path dataDir;

    @Test
    void anOrphanIsStoppedFirstSoThatOnlyOneServerRunsAndNoWriteOfEitherIsLost() throws Exception {
        try (LegacyRedis orphan = LegacyRedis.start(dataDir)) {
            try (JedisPooled jedis = orphan.client()) {
                // Written after the orphan's last snapshot: only in its memory.
                jedis.hset(ALICE, "privacy", "nobody");
            }

            EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0);
            try (JedisPooled jedis = new JedisPooled(redis.host(), redis.port(), null, redis.password())) {
                assertTrue(orphan.process().waitFor(60, TimeUnit.SECONDS), "the orphan was stopped");
                List<ProcessHandle> servers = RedisProcesses.of(dataDir);
                assertEquals(1, servers.size(), "redis-servers on the folder: " + servers);
                assertEquals("nobody", jedis.hget(ALICE, "privacy"), "the orphan wrote its data before it ended");
                jedis.hset(BOB, "privacy", "contacts");
            } finally {
                redis.stop();
            }
            // Were the orphan still running, this is where it would write its stale snapshot over the folder.
            orphan.stop();
        } finally {
            RedisProcesses.kill(dataDir);
        }

        try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0);
             JedisPooled jedis = new JedisPooled(redis.host(), redis.port(), null, redis.password())) {
            assertEquals("nobody", jedis.hget(ALICE, "privacy"));
            assertEquals("contacts", jedis.hget(BOB, "privacy"));
        }
    }
}
