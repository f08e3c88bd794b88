package io.mqchat.server.cluster;

import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import io.mqchat.presence.embedded.EmbeddedRedis;
import io.mqchat.server.crash.ServerProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import redis.clients.jedis.JedisPooled;

/**
 * Nodes of one cluster on loopback, each the packaged server in its own JVM with its own data folder, sharing a real
 * redis-server and a MongoDB-wire store (both in this JVM's care), as a deployment shares Redis and MongoDB.
 */
final class TestCluster implements AutoCloseable {

    static final String SECRET = "cluster-test-secret-0123456789abcdef-0123456789abcdef";

    /** One node: its id, its process and its ports (direct MQTT, MQTT for the load balancer, metrics and health). */
    record Node(String id, ServerProcess process, int port, int balancedPort, int balancedWebsocketPort,
                int metricsPort, Map<String, String> env, Path data) {
    }

    private final EmbeddedRedis redis;
    private final EmbeddedMongo mongo;
    private final JedisPooled registry;
    private final List<Node> nodes;
    private final TokenMinter minter = new TokenMinter(SECRET, Clock.systemUTC());

    private TestCluster(EmbeddedRedis redis, EmbeddedMongo mongo, List<Node> nodes) {
        this.redis = redis;
        this.mongo = mongo;
        this.registry = new JedisPooled(redis.host(), redis.port(), null, redis.password());
        this.nodes = nodes;
    }

    /** Starts {@code count} nodes ({@code node-1}...) at once and waits until each is ready. */
    static TestCluster start(Path folder, int count, Map<String, String> extraEnv) throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.start(Files.createDirectories(folder.resolve("redis")), freePort());
        EmbeddedMongo mongo = EmbeddedMongo.start(Files.createDirectories(folder.resolve("mongo")), "127.0.0.1",
                freePort());
        List<CompletableFuture<Node>> starting = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = "node-" + i;
            starting.add(CompletableFuture.supplyAsync(() -> startNode(folder, id, redis, mongo, extraEnv)));
        }
        List<Node> nodes = new ArrayList<>();
        for (CompletableFuture<Node> node : starting) {
            nodes.add(node.join());
        }
        return new TestCluster(redis, mongo, nodes);
    }

    private static Node startNode(Path folder, String id, EmbeddedRedis redis, EmbeddedMongo mongo,
                                  Map<String, String> extraEnv) {
        try {
            int port = freePort();
            int balanced = freePort();
            int balancedWebsocket = freePort();
            int metrics = freePort();
            Map<String, String> env = new HashMap<>(Map.ofEntries(Map.entry("MQCHAT_JWT_SECRET", SECRET),
                    Map.entry("MQCHAT_MQTT_PORT", Integer.toString(port)), Map.entry("MQCHAT_WEBSOCKET_PORT", "0"),
                    Map.entry("MQCHAT_METRICS_PORT", Integer.toString(metrics)), Map.entry("MQCHAT_MEDIA_PORT", "0"),
                    Map.entry("MQCHAT_REDIS_ADDRESS", redis.host() + ":" + redis.port()),
                    Map.entry("MQCHAT_REDIS_PASSWORD", redis.password()),
                    Map.entry("MQCHAT_MONGO_URI", mongo.connectionString()),
                    Map.entry("MQCHAT_CLUSTER_NODE_ID", id), Map.entry("MQCHAT_CLUSTER_SECRET", SECRET),
                    Map.entry("MQCHAT_CLUSTER_ADVERTISED_HOST", "127.0.0.1"),
                    Map.entry("MQCHAT_CLUSTER_BALANCED_MQTT_PORT", Integer.toString(balanced)),
                    Map.entry("MQCHAT_CLUSTER_BALANCED_WEBSOCKET_PORT", Integer.toString(balancedWebsocket))));
            env.putAll(extraEnv);
            Path data = Files.createDirectories(folder.resolve(id));
            return new Node(id, ServerProcess.start(data, env), port, balanced, balancedWebsocket, metrics,
                    Map.copyOf(env), data);
        } catch (Exception e) {
            throw new IllegalStateException("node " + id + " did not start", e);
        }
    }

    /** Starts node {@code number} again on its data and ports (after it was killed or stopped). */
    Node restart(int number) throws Exception {
        Node old = node(number);
        Node again = new Node(old.id(), ServerProcess.start(old.data(), old.env()), old.port(), old.balancedPort(),
                old.balancedWebsocketPort(), old.metricsPort(), old.env(), old.data());
        nodes.set(number - 1, again);
        return again;
    }

    List<Node> nodes() {
        return nodes;
    }

    Node node(int number) {
        return nodes.get(number - 1);
    }

    /** A user's token. */
    String token(String user) {
        return minter.mint(user, Duration.ofHours(1));
    }

    /** The user's home as the registry holds it: {@code "node epoch"}, or null. */
    String home(String user) {
        return registry.get("mqchat:cluster:home:{" + user + "}");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (Node node : nodes) {
            node.process().close();
            // What went wrong on a node stays in the test's output after its folder is gone.
            for (String level : List.of("WARN", "ERROR")) {
                node.process().linesWith(level).forEach(line -> System.out.println(node.id() + ": " + line));
            }
        }
        registry.close();
        mongo.close();
        redis.stop();
    }
}
