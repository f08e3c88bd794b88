package io.mqchat.presence.settings;

import io.mqchat.config.ValueParser;

/**
 * Where Redis listens, written {@code host:port} in the configuration.
 *
 * @param host name or address
 * @param port 1-65535
 */
public record RedisAddress(String host, int port) {

    public RedisAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535");
        }
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

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
