package io.mqchat.presence.store;

/**
 * The Lua scripts behind {@link RedisPushTokens}. Each touches one key, so each is atomic on a single Redis and on
 * Redis Cluster alike; a user's tokens hash maps device → the stored token as JSON ({@code platform}, {@code token},
 * ...), an owner hash holds {@code user} and {@code device}.
 */
final class PushTokenScripts {

    /** Keys: the user's tokens hash. Args: device, stored token. Returns the device's previous stored token or nil. */
    static final LuaScript PUT_DEVICE = new LuaScript("""
            local old = redis.call('HGET', KEYS[1], ARGV[1])
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return old
            """);

    /** Keys: the user's tokens hash. Args: device. Returns the device's removed stored token or nil. */
    static final LuaScript REMOVE_DEVICE = new LuaScript("""
            local old = redis.call('HGET', KEYS[1], ARGV[1])
            if old then redis.call('HDEL', KEYS[1], ARGV[1]) end
            return old
            """);

    /**
     * Keys: the user's tokens hash. Args: device, platform, token. Forgets the device's token only if it still is
     * this one (the device may have registered a new one since). Returns 1 if it did.
     */
    static final LuaScript REMOVE_DEVICE_IF = new LuaScript("""
            local old = redis.call('HGET', KEYS[1], ARGV[1])
            if not old then return 0 end
            local t = cjson.decode(old)
            if t.platform ~= ARGV[2] or t.token ~= ARGV[3] then return 0 end
            redis.call('HDEL', KEYS[1], ARGV[1])
            return 1
            """);

    /** Keys: the token's owner hash. Args: user, device. Returns the previous {user, device} or an empty list. */
    static final LuaScript CLAIM = new LuaScript("""
            local old = redis.call('HMGET', KEYS[1], 'user', 'device')
            redis.call('HSET', KEYS[1], 'user', ARGV[1], 'device', ARGV[2])
            if old[1] and old[2] then return old end
            return {}
            """);

    /** Keys: the token's owner hash. Args: user, device. Deletes it only if that device still owns the token. */
    static final LuaScript RELEASE = new LuaScript("""
            local old = redis.call('HMGET', KEYS[1], 'user', 'device')
            if old[1] == ARGV[1] and old[2] == ARGV[2] then redis.call('DEL', KEYS[1]) return 1 end
            return 0
            """);

    private PushTokenScripts() {
    }
}
