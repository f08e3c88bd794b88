package io.mqchat.cluster.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.embedded.RedisShardedCluster;

/**
 * A real Redis Cluster of three masters (the redis-server binary embedded-redis ships) on loopback, with a client
 * that follows its slots, for the stores that must run on Redis Cluster. One per test class.
 */
public final class ThreeMasterRedisCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Random RANDOM = new Random();

    private final RedisShardedCluster cluster;
    private final JedisCluster client;

    private ThreeMasterRedisCluster(RedisShardedCluster cluster, JedisCluster client) {
        this.cluster = cluster;
        this.client = client;
    }

    /** Starts the cluster and waits until every master serves every slot. */
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
            awaitEveryMasterServesEverySlot(ports);
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
            try (var connection = new Jedis(pool.getResource())) {
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

    /**
     * embedded-redis waits for one node to say the cluster is up; the others learn the slot map by gossip a moment
     * later and answer CLUSTERDOWN until then (seen on a loaded machine), so every master is asked.
     */
    private static void awaitEveryMasterServesEverySlot(List<Integer> ports) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String lastInfo = "";
        while (System.nanoTime() < deadline) {
            boolean ready = true;
            for (int port : ports) {
                try (Jedis node = new Jedis("127.0.0.1", port)) {
                    lastInfo = node.clusterInfo();
                    ready &= lastInfo.contains("cluster_state:ok") && lastInfo.contains("cluster_slots_ok:16384")
                            && lastInfo.contains("cluster_known_nodes:3");
                }
            }
            if (ready) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the Redis Cluster formed", e);
            }
        }
        throw new IllegalStateException("Redis Cluster not ready within " + READY_TIMEOUT + ":\n" + lastInfo);
    }

    /** A free port whose cluster bus port (10,000 higher, so at most 65,535) is free too. */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + RANDOM.nextInt(30_000);
            try (ServerSocket client = new ServerSocket(port); ServerSocket bus = new ServerSocket(port + 10_000)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port pair for a Redis Cluster node");
    }
}
