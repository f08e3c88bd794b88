package io.mqchat.presence.notify;

import io.mqchat.presence.store.RedisKeys;
import io.mqchat.presence.store.StoreUnavailableException;
import java.time.Duration;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.params.SetParams;

/**
 * {@link Coalescer} on a Redis key per recipient and conversation, set with {@code SET NX PX window}: the first
 * instance to set it sends, the key's expiry ends the window. Does not own the Redis client.
 */
public final class RedisCoalescer implements Coalescer {

    private final UnifiedJedis jedis;
    private final Duration window;

    public RedisCoalescer(UnifiedJedis jedis, Duration window) {
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("coalescing window must be at least 1 ms: " + window);
        }
        this.jedis = jedis;
        this.window = window;
    }

    @Override
    public boolean claim(String recipient, String conversation) {
        try {
            return "OK".equals(jedis.set(key(recipient, conversation), "1",
                    SetParams.setParams().nx().px(window.toMillis())));
        } catch (JedisConnectionException e) {
            throw new StoreUnavailableException("Redis is unreachable: " + e.getMessage(), e);
        }
    }

    @Override
    public void release(String recipient, String conversation) {
        try {
            jedis.del(key(recipient, conversation));
        } catch (JedisConnectionException e) {
            throw new StoreUnavailableException("Redis is unreachable: " + e.getMessage(), e);
        }
    }

    /** The length prefix keeps {@code (a:b, c)} and {@code (a, b:c)} apart, as ids may contain colons. */
    static String key(String recipient, String conversation) {
        return RedisKeys.PREFIX + "notified:" + recipient.length() + ":" + recipient + ":" + conversation;
    }
}
