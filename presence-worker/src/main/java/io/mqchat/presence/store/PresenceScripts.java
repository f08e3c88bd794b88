package io.mqchat.presence.store;

/**
 * The Lua scripts that change presence atomically, so that two worker instances applying events of one user at
 * the same time cannot interleave. Every change script ends in {@code finish}, which keeps the set of users with
 * connections in step, bumps the version when what others see changed, and returns the user's state as
 * {@code [online 1|0, lastSeen or "", privacy, since, version, publishedVersion]}.
 *
 * <p>Keys: 1 user hash, 2 connections hash, then per script below.
 */
final class PresenceScripts {

    private static final String FINISH = """
            local function seen(t)
              if t ~= '' then
                local cur = tonumber(redis.call('HGET', KEYS[1], 'lastSeen') or '0')
                if tonumber(t) > cur then redis.call('HSET', KEYS[1], 'lastSeen', t) end
              end
            end
            local function finish(user, at)
              local online = redis.call('HLEN', KEYS[2]) > 0
              local f = redis.call('HMGET', KEYS[1], 'lastSeen', 'privacy', 'view', 'version', 'published', 'since')
              local privacy = f[2] or 'everyone'
              local view
              if privacy == 'nobody' then view = 'hidden'
              elseif online then view = 'online'
              else view = 'offline:' .. (f[1] or '') end
              local version = tonumber(f[4] or '0')
              local since = f[6] or '0'
              if view ~= f[3] then
                version = version + 1
                since = at
                redis.call('HSET', KEYS[1], 'view', view, 'version', tostring(version), 'since', since)
              end
              return {online and '1' or '0', f[1] or '', privacy, since, tostring(version), f[5] or '0'}
            end
            """;

    /** Keys 3: ended marker of the connection. Args: user, device, conn, whether its run is gone (1|0), at. */
    static final LuaScript CONNECTED = new LuaScript(FINISH + """
            local user, device, conn, gone, at = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
            if redis.call('EXISTS', KEYS[3]) == 0 and gone == '0' then
              redis.call('HSET', KEYS[2], conn, device)
            end
            seen(at)
            return finish(user, at)
            """);

    /** Keys 3: ended marker of the connection. Args: user, conn, lastActivity, at, marker ttl ms. */
    static final LuaScript DISCONNECTED = new LuaScript(FINISH + """
            local user, conn, last, at, ttl = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
            redis.call('HDEL', KEYS[2], conn)
            redis.call('SET', KEYS[3], '1', 'PX', ttl)
            seen(last)
            return finish(user, at)
            """);

    /** Args: user, lastActivity, at. */
    static final LuaScript ACTIVE = new LuaScript(FINISH + """
            seen(ARGV[2])
            return finish(ARGV[1], ARGV[3])
            """);

    /** Args: user, privacy, at. */
    static final LuaScript PRIVACY = new LuaScript(FINISH + """
            redis.call('HSET', KEYS[1], 'privacy', ARGV[2])
            return finish(ARGV[1], ARGV[3])
            """);

    /** Args: user, at, then the user's connections whose runs are gone. */
    static final LuaScript SWEEP = new LuaScript(FINISH + """
            for i = 3, #ARGV do redis.call('HDEL', KEYS[2], ARGV[i]) end
            return finish(ARGV[1], ARGV[2])
            """);

    /** Read only. Args: user. */
    static final LuaScript READ = new LuaScript("""
            local online = redis.call('HLEN', KEYS[2]) > 0
            local f = redis.call('HMGET', KEYS[1], 'lastSeen', 'privacy', 'version', 'published', 'since')
            return {online and '1' or '0', f[1] or '', f[2] or 'everyone', f[5] or '0', f[3] or '0', f[4] or '0'}
            """);

    /** Args: version. Only ever raises the published version. */
    static final LuaScript MARK_PUBLISHED = new LuaScript("""
            local cur = tonumber(redis.call('HGET', KEYS[1], 'published') or '0')
            if tonumber(ARGV[1]) > cur then redis.call('HSET', KEYS[1], 'published', ARGV[1]) end
            return 1
            """);

    /**
     * Keys 1: current run hash, 2: gone runs. Args: run, at. The newest run by start time is current; every other
     * announced run is gone.
     */
    static final LuaScript BROKER_STARTED = new LuaScript("""
            local run, at = ARGV[1], tonumber(ARGV[2])
            local cur = redis.call('HMGET', KEYS[1], 'id', 'at')
            if cur[1] == run then return 0 end
            if cur[1] and tonumber(cur[2]) > at then
              redis.call('SADD', KEYS[2], run)
            else
              if cur[1] then redis.call('SADD', KEYS[2], cur[1]) end
              redis.call('HSET', KEYS[1], 'id', run, 'at', ARGV[2])
            end
            return 1
            """);

    private PresenceScripts() {
    }
}
