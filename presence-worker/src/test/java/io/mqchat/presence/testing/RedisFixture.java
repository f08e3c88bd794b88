package io.mqchat.presence.testing;

import io.mqchat.presence.embedded.EmbeddedRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import redis.clients.jedis.JedisPooled;

/** A real redis-server on a free loopback port in a test's folder, with a client; one per test class. */
public final class RedisFixture implements AutoCloseable {

    private final EmbeddedRedis server;
    private final JedisPooled jedis;

    private RedisFixture(EmbeddedRedis server) {
        this.server = server;
        this.jedis = new JedisPooled(server.host(), server.port(), null, server.password());
    }

    /** Starts one in {@code folder} (a JUnit {@code @TempDir}). */
    public static RedisFixture start(Path folder) {
        try {
            return new RedisFixture(EmbeddedRedis.start(folder, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EmbeddedRedis server() {
        return server;
    }

    public JedisPooled jedis() {
        return jedis;
    }

    /** Empties the database between tests. */
    public void flush() {
        jedis.flushAll();
    }

    @Override
    public void close() {
        jedis.close();
        server.stop();
    }
}
