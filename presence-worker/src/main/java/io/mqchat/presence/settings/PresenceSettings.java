package io.mqchat.presence.settings;

import java.util.Optional;

/**
 * The presence-worker's settings wherever it runs.
 *
 * @param redis  where Redis is; empty means the host process provides one (the all-in-one server's embedded Redis)
 * @param notifications how offline notifications go out
 */
public record PresenceSettings(Optional<RedisAddress> redis, NotifySettings notifications) {

    /** The settings with {@code redis} as the Redis, e.g. the embedded one the server started. */
    public PresenceSettings withRedis(RedisAddress address) {
        return new PresenceSettings(Optional.of(address), notifications);
    }
}
