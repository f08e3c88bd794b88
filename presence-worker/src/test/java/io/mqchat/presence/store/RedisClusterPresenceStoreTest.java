package io.mqchat.presence.store;

import io.mqchat.cluster.testing.ThreeMasterRedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The store contract on a Redis Cluster of three masters: each script stays within one user's slot. */
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
}
