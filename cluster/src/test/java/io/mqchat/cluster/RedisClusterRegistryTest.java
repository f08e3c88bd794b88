package io.mqchat.cluster;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/** The contract on a real redis-server, one per class, emptied before each test. */
class RedisClusterRegistryTest extends ClusterRegistryContract {

    @TempDir
    static Path folder;
    private static RedisServer server;
    private static int port;
    private RedisClusterRegistry registry;

    @BeforeAll
    static void startRedis() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("dir " + folder).setting("save \"\"").setting("appendonly no").build();
        server.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        server.stop();
    }

    @Override
    ClusterRegistry registry() {
        JedisPooled jedis = new JedisPooled("127.0.0.1", port);
        jedis.flushAll();
        registry = new RedisClusterRegistry(jedis, true);
        return registry;
    }

    @AfterEach
    void closeRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aRedisThatCannotBeReachedIsReportedAsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RedisClusterRegistry unreachable = new RedisClusterRegistry(new JedisPooled("127.0.0.1", closedPort), true)) {
            assertThrows(ClusterRegistryUnavailableException.class, () -> unreachable.claim("alice", "node-1", false));
            assertThrows(ClusterRegistryUnavailableException.class, unreachable::liveNodes);
        }
    }
}
