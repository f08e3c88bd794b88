package io.mqchat.presence.store;

/**
 * The Redis keys of presence, all under {@value #PREFIX}. User ids may contain colons, so every per-user key ends
 * with the whole user id and no key is ever parsed back.
 */
public final class RedisKeys {

    /** Prefix of every presence key, so one Redis can serve other components too. */
    public static final String PREFIX = "mqchat:presence:";

    private RedisKeys() {
    }

    /** Hash: last seen time, privacy, published view and versions of one user. */
    public static String user(String user) {
        return PREFIX + "user:" + user;
    }

    /** Hash: open connection id → device, of one user. */
    public static String connections(String user) {
        return PREFIX + "conns:" + user;
    }

    /** Set: users with at least one open connection, which a broker restart has to visit. */
    public static String usersWithConnections() {
        return PREFIX + "online";
    }

    /** String with a time to live: connection {@code conn} ended, so a late connect of it is ignored. */
    public static String ended(String conn) {
        return PREFIX + "ended:" + conn;
    }

    /** Hash: id and start time of the newest broker run, of a broker alone. */
    public static String currentRun() {
        return PREFIX + "run";
    }

    /** Hash: id and start time of the newest broker run of cluster node {@code node}. */
    public static String currentRun(String node) {
        return PREFIX + "run:" + node;
    }

    /** Set: broker runs that are over; their connections no longer count. */
    public static String goneRuns() {
        return PREFIX + "runs:gone";
    }
}
