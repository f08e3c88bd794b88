package io.mqchat.presence.store;

import static io.mqchat.presence.store.RedisCalls.call;

import redis.clients.jedis.UnifiedJedis;

/**
 * {@link NotificationMutes} in one Redis hash per user ({@link RedisKeys#notificationMutes}): conversation key →
 * the mute's end, {@code 0} for a mute until unmuted. An ended mute stays until the conversation is muted or unmuted
 * again; it is one short field per conversation a user ever muted. Works on Redis Cluster: each call touches one key.
 */
public final class RedisNotificationMutes implements NotificationMutes {

    private static final String UNTIL_UNMUTED = "0";

    private final UnifiedJedis jedis;

    public RedisNotificationMutes(UnifiedJedis jedis) {
        this.jedis = jedis;
    }

    @Override
    public void mute(String user, String conversationKey, Long until) {
        String end = until == null ? UNTIL_UNMUTED : Long.toString(until);
        call(() -> jedis.hset(RedisKeys.notificationMutes(user), conversationKey, end));
    }

    @Override
    public void unmute(String user, String conversationKey) {
        call(() -> jedis.hdel(RedisKeys.notificationMutes(user), conversationKey));
    }

    @Override
    public boolean isMuted(String user, String conversationKey, long now) {
        String end = call(() -> jedis.hget(RedisKeys.notificationMutes(user), conversationKey));
        if (end == null) {
            return false;
        }
        try {
            long until = Long.parseLong(end);
            return until == 0 || until > now;
        } catch (NumberFormatException e) {
            return false; // not written by this class: notify rather than stay silent
        }
    }
}
