package io.mqchat.presence.store;

import java.util.Optional;

/**
 * The Redis keys of presence, all under {@value #PREFIX}. Every key of one user carries the user id as its Redis
 * Cluster hash tag ({@code {alice}}), so that each script touches one slot; the broker runs' keys share the tag
 * {@code {runs}}. The same keys serve a single Redis. User ids may contain colons and braces: a per-user key ends
 * with the whole id, and a key is read back only by {@link #connectionsOwner}.
 */
public final class RedisKeys {

    /** Prefix of every presence key, so one Redis can serve other components too. */
    public static final String PREFIX = "mqchat:presence:";
    private static final String CONNECTIONS = PREFIX + "conns:{u:";
    /** SCAN pattern of every user's connections hash (one exists while the user has an open connection). */
    static final String ALL_CONNECTIONS = CONNECTIONS + "*";

    private RedisKeys() {
    }

    /** Hash: last seen time, privacy, published view and versions of one user. */
    public static String user(String user) {
        return PREFIX + "user:" + tag(user);
    }

    /** Hash: open connection id → device, of one user; gone when the user has no open connection. */
    public static String connections(String user) {
        return CONNECTIONS + user + "}";
    }

    /** The user whose {@link #connections} key {@code key} is. */
    static Optional<String> connectionsOwner(String key) {
        return key.startsWith(CONNECTIONS) && key.endsWith("}") && key.length() > CONNECTIONS.length() + 1
                ? Optional.of(key.substring(CONNECTIONS.length(), key.length() - 1)) : Optional.empty();
    }

    /** String with a time to live: {@code user}'s connection {@code conn} ended, so a late connect of it is ignored. */
    public static String ended(String user, String conn) {
        return PREFIX + "ended:" + tag(user) + ":" + conn;
    }

    /** Hash: device → its push token ({@link RedisPushTokens}), of one user. */
    public static String pushTokens(String user) {
        return PREFIX + "push:" + tag(user);
    }

    /** Hash: conversation key → end of its mute in epoch milliseconds, 0 for none ({@link RedisNotificationMutes}). */
    public static String notificationMutes(String user) {
        return PREFIX + "mutes:" + tag(user);
    }

    /**
     * Hash: user and device that a push token belongs to, keyed by a digest of platform and token
     * ({@code tokenDigest}) so that no key name shows a token.
     */
    public static String pushTokenOwner(String tokenDigest) {
        return PREFIX + "push-owner:" + tokenDigest;
    }

    /**
     * The user's hash tag: {@code {u:alice}}. The prefix keeps the tag from being empty for an id that starts with a
     * closing brace, which would spread that user's keys over several slots.
     */
    private static String tag(String user) {
        return "{u:" + user + "}";
    }

    /** Hash: id and start time of the newest broker run, of a broker alone. */
    public static String currentRun() {
        return PREFIX + "{runs}:run";
    }

    /** Hash: id and start time of the newest broker run of cluster node {@code node}. */
    public static String currentRun(String node) {
        return PREFIX + "{runs}:run:" + node;
    }

    /** Set: broker runs that are over; their connections no longer count. */
    public static String goneRuns() {
        return PREFIX + "{runs}:gone";
    }
}
