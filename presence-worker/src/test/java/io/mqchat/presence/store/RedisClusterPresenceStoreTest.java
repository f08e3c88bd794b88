package io.mqchat.presence.store;

import io.mqchat.cluster.testing.ThreeMasterRedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * The presence store's and the push tokens' contracts on a Redis Cluster of three masters: each script stays within
 * one slot.
 */
class RedisClusterPresenceStoreTest extends PresenceStoreContract {

    private static ThreeMasterRedisCluster redis;

    @BeforeAll
    static void startCluster() {
        redis = ThreeMasterRedisCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        redis.close();
    }

    @BeforeEach
    void emptyCluster() {
        redis.flush();
    }

    @Override
    protected PresenceStore store() {
        return new RedisPresenceStore(redis.client());
    }

    /** A user's tokens and a token's owner live in different slots. */
    @Nested
    class PushTokensInRedisCluster extends PushTokensContract {

        @Override
        protected PushTokens tokens() {
            return new RedisPushTokens(redis.client());
        }
    }

    @Nested
    class NotificationMutesInRedisCluster extends NotificationMutesContract {

        @Override
        protected NotificationMutes mutes() {
            return new RedisNotificationMutes(redis.client());
        }
    }
}
