package io.mqchat.bench.hosted;

import io.mqchat.cluster.NodeInfo;
import io.mqchat.cluster.RedisClusterRegistry;
import io.mqchat.extension.cluster.ClusterMembership;
import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.config.InternalServiceKey;
import io.mqchat.extension.embedded.BrokerSettings;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * A benchmark broker's place in a cluster, built as the server's {@code ClusterNode} builds it: a Redis registry of
 * its own, the node's direct MQTT address on loopback, the default heartbeat and fence timings, and the cluster's
 * shared service key in the extension's config (the relays between nodes sign their service tokens with it).
 *
 * <p>The archive feed is off: the scenario runs no archive-worker and no MongoDB, and pure 1-1 chat needs neither,
 * so what one node and three nodes are compared on is the broker's own path (routing, registry look-ups, relays).
 */
final class ClusterSeat {

    /** As the server: a registry call that takes longer fails the CONNECT or the relay rather than hanging it. */
    private static final int REDIS_TIMEOUT_MILLIS = 2000;

    private final String nodeId;
    private final HostAndPort redis;
    private final String redisPassword;
    private final String clusterSecret;

    /**
     * @param nodeId        this node's id
     * @param redis         {@code host:port} of the registry's Redis
     * @param redisPassword the registry's password
     * @param clusterSecret the nodes' shared service key, at least 32 bytes
     */
    ClusterSeat(String nodeId, String redis, String redisPassword, String clusterSecret) {
        if (redisPassword == null || clusterSecret == null) {
            throw new IllegalArgumentException("a cluster node needs the registry's password and the cluster secret in"
                    + " its environment");
        }
        this.nodeId = nodeId;
        this.redis = HostAndPort.from(redis);
        this.redisPassword = redisPassword;
        this.clusterSecret = clusterSecret;
    }

    /** {@code config} with the cluster's service key, and without the archive feed. */
    ExtensionConfig configure(ExtensionConfig config) {
        return config.withJwt(config.jwt().withServiceKey(InternalServiceKey.shared(clusterSecret)))
                .withArchiveFeed(false);
    }

    /** Connects to the registry; the node's direct address is loopback on {@code mqttPort}. */
    Joined join(int mqttPort) {
        RedisClusterRegistry registry = new RedisClusterRegistry(new JedisPooled(redis, DefaultJedisClientConfig.builder()
                .password(redisPassword).connectionTimeoutMillis(REDIS_TIMEOUT_MILLIS)
                .socketTimeoutMillis(REDIS_TIMEOUT_MILLIS).build()), true);
        ClusterMembership membership = ClusterMembership.of(registry, new NodeInfo(nodeId, "127.0.0.1:" + mqttPort, ""),
                BrokerSettings.BALANCED_LISTENERS);
        return new Joined(membership, registry);
    }

    /**
     * What the broker joins with, and the registry connection to close after the broker stopped.
     *
     * @param membership the node's membership, for {@code EmbeddedBroker.start}
     * @param registry   the registry it holds
     */
    record Joined(ClusterMembership membership, RedisClusterRegistry registry) implements AutoCloseable {

        @Override
        public void close() {
            registry.close();
        }
    }
}
