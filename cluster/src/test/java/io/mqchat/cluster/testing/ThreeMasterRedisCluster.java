package io.mqchat.cluster.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.embedded.RedisShardedCluster;

/**
 * A real Redis Cluster of three masters (the redis-server binary embedded-redis ships) on loopback, with a client
 * that follows its slots, for the stores that must run on Redis Cluster. One per test class.
 */
public final class ThreeMasterRedisCluster implements AutoCloseable {

    private final RedisShardedCluster cluster;
    private final JedisCluster client;

    private ThreeMasterRedisCluster(RedisShardedCluster cluster, JedisCluster client) {
        this.cluster = cluster;
        this.client = client;
    }

    /** Starts the cluster and waits until every slot is served. */
    public static ThreeMasterRedisCluster start() {
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ports.add(freePort());
            }
            // The ports first: each shard takes its port when it is declared (else 6379 onwards).
            RedisShardedCluster cluster = RedisShardedCluster.newRedisCluster().serverPorts(ports).shard("a", 0)
                    .shard("b", 0).shard("c", 0).initializationTimeout(Duration.ofSeconds(30)).build();
            cluster.start();
            Set<HostAndPort> seeds = ports.stream().map(port -> new HostAndPort("127.0.0.1", port))
                    .collect(Collectors.toSet());
            return new ThreeMasterRedisCluster(cluster, new JedisCluster(seeds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client, shared by the test class; it routes each key to the master that holds its slot. */
    public JedisCluster client() {
        return client;
    }

    /** Empties every master. */
    public void flush() {
        client.getClusterNodes().values().forEach(pool -> {
            try (var connection = new redis.clients.jedis.Jedis(pool.getResource())) {
                connection.flushAll();
            }
        });
    }

    @Override
    public void close() {
        client.close();
        try {
            cluster.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
