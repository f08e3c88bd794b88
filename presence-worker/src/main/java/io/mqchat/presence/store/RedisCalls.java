package io.mqchat.presence.store;

import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** Runs a Redis command and reports a Redis that cannot answer now as {@link StoreUnavailableException}. */
final class RedisCalls {

    private RedisCalls() {
    }

    static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisConnectionException e) {
            throw new StoreUnavailableException("Redis is unreachable: " + e.getMessage(), e);
        } catch (JedisDataException e) {
            // A Redis that is starting replies LOADING until its snapshot is read: wait, like for a down one.
            if (e.getMessage() != null && e.getMessage().startsWith("LOADING")) {
                throw new StoreUnavailableException("Redis is loading its data: " + e.getMessage(), e);
            }
            throw e;
        }
    }
}
