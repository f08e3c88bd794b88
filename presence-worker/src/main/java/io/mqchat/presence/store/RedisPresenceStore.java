package io.mqchat.presence.store;

import static io.mqchat.presence.store.RedisCalls.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.ScanIteration;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link PresenceStore} in Redis or Redis Cluster (keys in {@link RedisKeys}); every change is one Lua script on
 * one user's keys, so it is atomic even with several worker instances. Connections are keyed by connection id rather than by device: a device that
 * reconnects has two connection ids for a moment, and whichever events come last, the user stays online exactly
 * while one of them is open.
 *
 * <p>Does not own the Redis client; whoever created it closes it.
 */
public final class RedisPresenceStore implements PresenceStore {

    /** How long a connection's end is remembered, so that its connect event arriving late is ignored. */
    public static final Duration DEFAULT_ENDED_MEMORY = Duration.ofDays(1);
    private static final int SCAN_BATCH = 500;

    private final UnifiedJedis jedis;
    private final Duration endedMemory;

    public RedisPresenceStore(UnifiedJedis jedis) {
        this(jedis, DEFAULT_ENDED_MEMORY);
    }

    /**
     * @param jedis       the Redis client, shared
     * @param endedMemory how long an ended connection is remembered; longer than events can be delayed
     */
    public RedisPresenceStore(UnifiedJedis jedis, Duration endedMemory) {
        this.jedis = jedis;
        this.endedMemory = endedMemory;
    }

    /**
     * Renames the keys a Redis holds from before presence keys carried Redis Cluster hash tags ({@code user:alice}
     * becomes {@code user:{u:alice}}), so that last seen times and privacy settings survive the upgrade; drops the old
     * set of users with connections. Only a single Redis can hold such keys. Returns how many keys were renamed.
     */
    public int upgradeLegacyKeys() {
        return call(() -> {
            int renamed = 0;
            for (String kind : List.of("user:", "conns:")) {
                ScanIteration keys = jedis.scanIteration(SCAN_BATCH, RedisKeys.PREFIX + kind + "*");
                while (!keys.isIterationCompleted()) {
                    for (String key : keys.nextBatchList()) {
                        String rest = key.substring((RedisKeys.PREFIX + kind).length());
                        if (rest.startsWith("{u:")) {
                            continue;
                        }
                        String target = kind.equals("user:") ? RedisKeys.user(rest) : RedisKeys.connections(rest);
                        renamed += jedis.renamenx(key, target) == 1 ? 1 : 0;
                    }
                }
            }
            for (String[] pair : new String[][] {{RedisKeys.PREFIX + "run", RedisKeys.currentRun()},
                    {RedisKeys.PREFIX + "runs:gone", RedisKeys.goneRuns()}}) {
                if (jedis.exists(pair[0])) {
                    renamed += jedis.renamenx(pair[0], pair[1]) == 1 ? 1 : 0;
                }
            }
            jedis.del(RedisKeys.PREFIX + "online");
            return renamed;
        });
    }

    @Override
    public UserPresence connected(String user, String device, String conn, long at) {
        // Read apart from the script: the runs' keys live in another Redis Cluster slot than the user's. A run that
        // ends between this read and the script is swept after it ends (brokerStarted, then sweepGoneRuns).
        boolean gone = call(() -> jedis.sismember(RedisKeys.goneRuns(), runOf(conn)));
        return change(user, PresenceScripts.CONNECTED, List.of(RedisKeys.ended(user, conn)),
                List.of(user, device, conn, gone ? "1" : "0", Long.toString(at)));
    }

    @Override
    public UserPresence disconnected(String user, String conn, long lastActivity, long at) {
        return change(user, PresenceScripts.DISCONNECTED, List.of(RedisKeys.ended(user, conn)),
                List.of(user, conn, Long.toString(lastActivity), Long.toString(at),
                        Long.toString(endedMemory.toMillis())));
    }

    @Override
    public UserPresence active(String user, String conn, long lastActivity, long at) {
        return change(user, PresenceScripts.ACTIVE, List.of(),
                List.of(user, Long.toString(lastActivity), Long.toString(at)));
    }

    @Override
    public UserPresence setPrivacy(String user, Privacy privacy, long at) {
        return change(user, PresenceScripts.PRIVACY, List.of(),
                List.of(user, privacy.wireName(), Long.toString(at)));
    }

    @Override
    public void brokerStarted(String node, String broker, long at) {
        String currentRun = node == null ? RedisKeys.currentRun() : RedisKeys.currentRun(node);
        call(() -> PresenceScripts.BROKER_STARTED.run(jedis, List.of(currentRun, RedisKeys.goneRuns()),
                List.of(broker, Long.toString(at))));
    }

    @Override
    public List<String> usersWithConnections() {
        return call(() -> {
            // A connections hash exists exactly while its user has an open connection; SCAN visits every master.
            ScanIteration keys = jedis.scanIteration(SCAN_BATCH, RedisKeys.ALL_CONNECTIONS);
            List<String> users = new ArrayList<>();
            while (!keys.isIterationCompleted()) {
                for (String key : keys.nextBatchList()) {
                    RedisKeys.connectionsOwner(key).ifPresent(users::add);
                }
            }
            return users;
        });
    }

    @Override
    public UserPresence sweepGoneRuns(String user, long at) {
        List<String> goneConnections = call(() -> {
            List<String> conns = new ArrayList<>(jedis.hkeys(RedisKeys.connections(user)));
            if (conns.isEmpty()) {
                return conns;
            }
            List<Boolean> gone = jedis.smismember(RedisKeys.goneRuns(),
                    conns.stream().map(RedisPresenceStore::runOf).toArray(String[]::new));
            List<String> ended = new ArrayList<>();
            for (int i = 0; i < conns.size(); i++) {
                if (gone.get(i)) {
                    ended.add(conns.get(i));
                }
            }
            return ended;
        });
        List<String> args = new ArrayList<>(List.of(user, Long.toString(at)));
        args.addAll(goneConnections);
        return change(user, PresenceScripts.SWEEP, List.of(), args);
    }

    @Override
    public UserPresence read(String user) {
        return toPresence(user, call(() -> PresenceScripts.READ.run(jedis, userKeys(user, List.of()), List.of())));
    }

    @Override
    public void markPublished(String user, long version) {
        call(() -> PresenceScripts.MARK_PUBLISHED.run(jedis, List.of(RedisKeys.user(user)),
                List.of(Long.toString(version))));
    }

    @Override
    public Set<String> connectedDevices(String user) {
        return call(() -> new LinkedHashSet<>(jedis.hvals(RedisKeys.connections(user))));
    }

    /** The broker run a connection id belongs to: everything before its last {@code /}. */
    static String runOf(String conn) {
        int slash = conn.lastIndexOf('/');
        return slash < 0 ? conn : conn.substring(0, slash);
    }

    private UserPresence change(String user, LuaScript script, List<String> extraKeys, List<String> args) {
        return toPresence(user, call(() -> script.run(jedis, userKeys(user, extraKeys), args)));
    }

    private static List<String> userKeys(String user, List<String> extraKeys) {
        List<String> keys = new ArrayList<>(List.of(RedisKeys.user(user), RedisKeys.connections(user)));
        keys.addAll(extraKeys);
        return keys;
    }

    private static UserPresence toPresence(String user, Object reply) {
        List<?> fields = (List<?>) reply;
        String lastSeen = (String) fields.get(1);
        return new UserPresence(user, "1".equals(fields.get(0)), lastSeen.isEmpty() ? null : Long.valueOf(lastSeen),
                Privacy.fromWire((String) fields.get(2)), Long.parseLong((String) fields.get(3)),
                Long.parseLong((String) fields.get(4)), Long.parseLong((String) fields.get(5)));
    }
}
