package io.mqchat.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * The registry in Redis. A node's heartbeat is {@code mqchat:cluster:node:{id}} with an expiry; a user's home is
 * {@code mqchat:cluster:home:{user}} = {@code "node epoch"}. The braces are Redis Cluster hash tags and every write
 * touches one key, so the same code runs on a single Redis and on Redis Cluster. A claim reads the home and the
 * home node's heartbeat, then writes with a compare-and-set script, so that of two nodes claiming at once one wins;
 * a claim that moves a user is published on {@value #MOVES}.
 */
public final class RedisClusterRegistry implements ClusterRegistry {

    private static final Logger log = LoggerFactory.getLogger(RedisClusterRegistry.class);

    static final String NODES = "mqchat:cluster:nodes";
    /** Pub/sub channel of moves: {@code "node epoch user"}. */
    static final String MOVES = "mqchat:cluster:moves";
    private static final int CLAIM_ATTEMPTS = 8;
    /** Sets KEYS[1] to ARGV[2] only while it still holds ARGV[1] ('' for none). */
    private static final String COMPARE_AND_SET = """
            local current = redis.call('GET', KEYS[1])
            if (current or '') ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2])
            return 1
            """;

    private final UnifiedJedis redis;
    private final boolean ownsClient;

    /**
     * @param redis      a single Redis ({@code JedisPooled}) or Redis Cluster ({@code JedisCluster}) client
     * @param ownsClient whether {@link #close()} closes it
     */
    public RedisClusterRegistry(UnifiedJedis redis, boolean ownsClient) {
        this.redis = redis;
        this.ownsClient = ownsClient;
    }

    static String nodeKey(String nodeId) {
        return "mqchat:cluster:node:{" + nodeId + "}";
    }

    static String homeKey(String user) {
        return "mqchat:cluster:home:{" + user + "}";
    }

    @Override
    public void announce(NodeInfo node, Duration ttl) {
        call(() -> {
            redis.set(nodeKey(node.id()), node.encode(), SetParams.setParams().px(Math.max(1, ttl.toMillis())));
            redis.sadd(NODES, node.id());
            return null;
        });
    }

    @Override
    public void withdraw(String nodeId) {
        call(() -> redis.del(nodeKey(nodeId)));
    }

    @Override
    public Optional<NodeInfo> liveNode(String nodeId) {
        return call(() -> Optional.ofNullable(redis.get(nodeKey(nodeId))).map(info -> NodeInfo.decode(nodeId, info)));
    }

    @Override
    public Map<String, NodeInfo> liveNodes() {
        return call(() -> {
            List<String> ids = new ArrayList<>(redis.smembers(NODES));
            ids.sort(null);
            Map<String, NodeInfo> live = new LinkedHashMap<>();
            List<String> values = getAll(ids.stream().map(RedisClusterRegistry::nodeKey).toList());
            for (int i = 0; i < ids.size(); i++) {
                if (values.get(i) != null) {
                    live.put(ids.get(i), NodeInfo.decode(ids.get(i), values.get(i)));
                }
            }
            return live;
        });
    }

    @Override
    public Optional<Home> home(String user) {
        return call(() -> Optional.ofNullable(redis.get(homeKey(user))).map(Home::decode));
    }

    @Override
    public Map<String, Home> homes(Collection<String> users) {
        List<String> ordered = List.copyOf(users);
        return call(() -> {
            List<String> values = getAll(ordered.stream().map(RedisClusterRegistry::homeKey).toList());
            Map<String, Home> homes = new LinkedHashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                if (values.get(i) != null) {
                    homes.put(ordered.get(i), Home.decode(values.get(i)));
                }
            }
            return homes;
        });
    }

    @Override
    public Claim claim(String user, String nodeId, boolean takeOver) {
        String key = homeKey(user);
        return call(() -> {
            for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
                String current = redis.get(key);
                if (current == null) {
                    Home first = new Home(nodeId, 1);
                    if (compareAndSet(key, "", first.encode())) {
                        return new Claim.Granted(first, Optional.empty());
                    }
                    continue;
                }
                Home home = Home.decode(current);
                if (home.node().equals(nodeId)) {
                    return new Claim.Granted(home, Optional.empty());
                }
                Optional<NodeInfo> owner = liveNode(home.node());
                if (owner.isPresent() && !takeOver) {
                    return new Claim.HomedElsewhere(home, owner.get());
                }
                Home moved = new Home(nodeId, home.epoch() + 1);
                if (compareAndSet(key, current, moved.encode())) {
                    redis.publish(MOVES, moved.encode() + " " + user);
                    return new Claim.Granted(moved, Optional.of(home.node()));
                }
            }
            throw new ClusterRegistryUnavailableException("the home of '" + user + "' kept changing during "
                    + CLAIM_ATTEMPTS + " claims", null);
        });
    }

    @Override
    public AutoCloseable watchMoves(Consumer<Move> listener) {
        JedisPubSub subscription = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                // "node epoch user": the user id comes last, so it stays whole whatever it holds.
                String[] parts = message.split(" ", 3);
                try {
                    listener.accept(new Move(parts[2], new Home(parts[0], Long.parseLong(parts[1]))));
                } catch (RuntimeException e) {
                    log.warn("ignored a move that could not be read or applied: {}", e.toString());
                }
            }
        };
        AtomicBoolean open = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (open.get()) {
                try {
                    redis.subscribe(subscription, MOVES);
                } catch (RuntimeException e) {
                    if (open.get()) {
                        log.debug("watching moves: {}; subscribing again in a second", e.toString());
                        sleepQuietly(1000);
                    }
                }
            }
        }, "mqchat-cluster-moves");
        watcher.setDaemon(true);
        watcher.start();
        return () -> {
            open.set(false);
            if (subscription.isSubscribed()) {
                subscription.unsubscribe();
            }
            watcher.interrupt();
        };
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean compareAndSet(String key, String expected, String value) {
        return Long.valueOf(1).equals(redis.eval(COMPARE_AND_SET, List.of(key), List.of(expected, value)));
    }

    /** GET of each key in one round trip; on Redis Cluster the keys may live in different slots. */
    private List<String> getAll(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Response<String>> responses = new ArrayList<>(keys.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String key : keys) {
                responses.add(pipeline.get(key));
            }
            pipeline.sync();
        }
        return responses.stream().map(Response::get).toList();
    }

    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (JedisException e) {
            throw new ClusterRegistryUnavailableException("the cluster registry in Redis is unavailable: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            redis.close();
        }
    }
}
