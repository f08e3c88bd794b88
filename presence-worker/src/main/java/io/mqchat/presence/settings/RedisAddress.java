package io.mqchat.presence.settings;

import io.mqchat.config.ValueParser;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import java.util.Set;

/**
 * Where Redis listens, written {@code host:port} in the configuration, and the password it wants, if any.
 *
 * @param host     name or address
 * @param port     1-65535
 * @param password sent with AUTH on every connection; null for a Redis without one
 * @param cluster  whether this is one node of a Redis Cluster, whose other nodes the client learns from it
 */
public record RedisAddress(String host, int port, String password, boolean cluster) {

    public RedisAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535");
        }
    }

    /** A single Redis that wants no password. */
    public RedisAddress(String host, int port) {
        this(host, port, null, false);
    }

    /** A single Redis. */
    public RedisAddress(String host, int port, String password) {
        this(host, port, password, false);
    }

    /** The same address with {@code password} (null for none). */
    public RedisAddress withPassword(String password) {
        return new RedisAddress(host, port, password, cluster);
    }

    /** The same address, as a node of a Redis Cluster or not. */
    public RedisAddress withCluster(boolean clusterNode) {
        return new RedisAddress(host, port, password, clusterNode);
    }

    /**
     * A client for this Redis, which the caller closes: pooled connections to a single Redis, or a cluster client
     * that routes each key to the master holding its slot.
     */
    public UnifiedJedis client(int timeoutMillis) {
        return cluster ? new JedisCluster(Set.of(hostAndPort()), clientConfig(timeoutMillis))
                : new JedisPooled(hostAndPort(), clientConfig(timeoutMillis));
    }

    /** @throws IllegalArgumentException unless {@code text} is {@code host:port} */
    public static RedisAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("not host:port");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not host:port");
        }
        return new RedisAddress(text.substring(0, colon), port);
    }

    /** The configuration value parser. */
    public static ValueParser<RedisAddress> parser() {
        return new ValueParser<>() {
            @Override
            public RedisAddress parse(String text) {
                return RedisAddress.parse(text);
            }

            @Override
            public String describe() {
                return "host:port";
            }
        };
    }

    /** For Jedis clients. */
    public HostAndPort hostAndPort() {
        return new HostAndPort(host, port);
    }

    /** How a Jedis client connects: with this password, and {@code timeoutMillis} to connect and per reply. */
    public JedisClientConfig clientConfig(int timeoutMillis) {
        return DefaultJedisClientConfig.builder().password(password).connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis).build();
    }

    /** {@code host:port}: never the password. */
    @Override
    public String toString() {
        return host + ":" + port + (cluster ? " (Redis Cluster)" : "");
    }
}
