package io.mqchat.cluster;

import io.mqchat.cluster.testing.ThreeMasterRedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on a Redis Cluster of three masters: every write touches one key, so one slot. */
class RedisClusterRegistryOnRedisClusterTest extends ClusterRegistryContract {

    private static ThreeMasterRedisCluster redis;

    @BeforeAll
    static void startCluster() {
        redis = ThreeMasterRedisCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        redis.close();
    }

    @Override
    ClusterRegistry registry() {
        redis.flush();
        return new RedisClusterRegistry(redis.client(), false);
    }
}
