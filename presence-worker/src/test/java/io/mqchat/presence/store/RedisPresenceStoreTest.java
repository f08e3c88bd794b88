package io.mqchat.presence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.presence.testing.RedisFixture;
import io.mqchat.protocol.PushPlatform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * The presence store's and the push tokens' contracts against a real redis-server, plus what only Redis can do: be
 * down.
 */
class RedisPresenceStoreTest extends PresenceStoreContract {

    @TempDir
    static Path folder;
    private static RedisFixture redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisFixture.start(folder);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void emptyRedis() {
        redis.flush();
    }

    @Override
    protected PresenceStore store() {
        return new RedisPresenceStore(redis.jedis());
    }

    @Test
    void anUnreachableRedisIsReportedAsUnavailable() {
        try (JedisPooled nowhere = new JedisPooled("127.0.0.1", 1)) {
            PresenceStore store = new RedisPresenceStore(nowhere);
            assertThrows(StoreUnavailableException.class, () -> store.connected("bob", "phone", "b1/1", 1000));
            assertThrows(StoreUnavailableException.class, () -> store.read("bob"));
        }
    }

    @Test
    void keysOfTheVersionBeforeHashTagsAreRenamedSoPrivacyAndLastSeenSurvive() {
        JedisPooled jedis = redis.jedis();
        jedis.hset(RedisKeys.PREFIX + "user:bob", Map.of("lastSeen", "4000", "privacy", "nobody"));
        jedis.hset(RedisKeys.PREFIX + "conns:bob", "b1/1", "phone");
        jedis.sadd(RedisKeys.PREFIX + "online", "bob");
        jedis.hset(RedisKeys.PREFIX + "run", Map.of("id", "b1", "at", "100"));

        RedisPresenceStore store = new RedisPresenceStore(jedis);
        assertEquals(3, store.upgradeLegacyKeys());

        UserPresence bob = store.read("bob");
        assertEquals(Privacy.NOBODY, bob.privacy());
        assertEquals(4000L, bob.lastSeen());
        assertTrue(bob.online());
        assertEquals(List.of("bob"), store.usersWithConnections());
        assertEquals(0, store.upgradeLegacyKeys(), "a second start renames nothing");
    }

    @Test
    void scriptsRunAgainAfterRedisForgotThem() {
        PresenceStore store = store();
        store.connected("bob", "phone", "b1/1", 1000);
        redis.jedis().scriptFlush();
        store.disconnected("bob", "b1/1", 1000, 2000);
    }

    /** The push token contract on the same Redis, plus: down, and never a token in a key name. */
    @Nested
    class PushTokensInRedis extends PushTokensContract {

        @Override
        protected PushTokens tokens() {
            return new RedisPushTokens(redis.jedis());
        }

        @Test
        void anUnreachableRedisIsReportedAsUnavailable() {
            try (JedisPooled nowhere = new JedisPooled("127.0.0.1", 1)) {
                PushTokens store = new RedisPushTokens(nowhere);
                assertThrows(StoreUnavailableException.class, () -> store.tokensOf("bob"));
                assertThrows(StoreUnavailableException.class, () -> store.remove("bob", "phone"));
            }
        }

        @Test
        void noKeyNameShowsAToken() {
            String token = "ab".repeat(32);
            tokens().register("bob", new PushToken("phone", PushPlatform.APNS, token, "sandbox", "com.example.chat", 1));
            for (String key : redis.jedis().keys("*")) {
                assertFalse(key.contains(token), key);
            }
        }
    }

    @Nested
    class NotificationMutesInRedis extends NotificationMutesContract {

        @Override
        protected NotificationMutes mutes() {
            return new RedisNotificationMutes(redis.jedis());
        }
    }
}
