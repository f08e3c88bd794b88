package io.mqchat.presence.store;

import static io.mqchat.presence.store.RedisCalls.call;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mqchat.protocol.PushPlatform;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link PushTokens} in Redis or Redis Cluster: a hash per user (device → token, keyed with the user's hash tag
 * like the rest of its presence) and an owner hash per token, which is what finds a token's device by value. The two
 * live in different slots, so a change is a few single-key scripts in an order that a repeat completes: claim the
 * token, drop it from its previous device, write it to the device, release the device's previous token.
 *
 * <p>Does not own the Redis client; whoever created it closes it.
 */
public final class RedisPushTokens implements PushTokens {

    private static final Logger LOG = LoggerFactory.getLogger(RedisPushTokens.class);
    /** Ignores fields it does not know: a token a newer version stored must still reach its device. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final UnifiedJedis jedis;

    public RedisPushTokens(UnifiedJedis jedis) {
        this.jedis = jedis;
    }

    /** How a token is stored in its user's hash; the device is the hash field. {@code silent} absent: alerts. */
    private record Stored(String platform, String token, String env, String app, long at, Boolean silent) {
    }

    @Override
    public void register(String user, PushToken token) {
        String owner = RedisKeys.pushTokenOwner(digest(token.platform(), token.token()));
        List<?> previousOwner = (List<?>) call(() -> PushTokenScripts.CLAIM.run(jedis, List.of(owner),
                List.of(user, token.device())));
        if (!previousOwner.isEmpty() && !(user.equals(previousOwner.get(0)) && token.device().equals(previousOwner.get(1)))) {
            call(() -> PushTokenScripts.REMOVE_DEVICE_IF.run(jedis, List.of(RedisKeys.pushTokens((String) previousOwner.get(0))),
                    List.of((String) previousOwner.get(1), token.platform().wireName(), token.token())));
        }
        Stored stored = new Stored(token.platform().wireName(), token.token(), token.env(), token.app(),
                token.registeredAt(), token.silent() ? Boolean.TRUE : null);
        Object replaced = call(() -> PushTokenScripts.PUT_DEVICE.run(jedis, List.of(RedisKeys.pushTokens(user)),
                List.of(token.device(), write(stored))));
        if (replaced != null) {
            Stored old = read((String) replaced);
            if (!old.platform().equals(stored.platform()) || !old.token().equals(stored.token())) {
                release(user, token.device(), old);
            }
        }
    }

    @Override
    public void remove(String user, String device) {
        Object removed = call(() -> PushTokenScripts.REMOVE_DEVICE.run(jedis, List.of(RedisKeys.pushTokens(user)),
                List.of(device)));
        if (removed != null) {
            release(user, device, read((String) removed));
        }
    }

    @Override
    public List<PushToken> tokensOf(String user) {
        Map<String, String> devices = call(() -> jedis.hgetAll(RedisKeys.pushTokens(user)));
        List<PushToken> tokens = new ArrayList<>(devices.size());
        devices.forEach((device, json) -> {
            Stored stored = read(json);
            PushPlatform.fromWireName(stored.platform()).ifPresentOrElse(
                    platform -> tokens.add(new PushToken(device, platform, stored.token(), stored.env(), stored.app(),
                            stored.at(), Boolean.TRUE.equals(stored.silent()))),
                    () -> LOG.warn("skipping a push token of unknown platform '{}' of {}:{}", stored.platform(), user,
                            device));
        });
        tokens.sort(Comparator.comparing(PushToken::device));
        return tokens;
    }

    @Override
    public boolean removeToken(PushPlatform platform, String token) {
        String owner = RedisKeys.pushTokenOwner(digest(platform, token));
        Map<String, String> device = call(() -> jedis.hgetAll(owner));
        if (device.get("user") == null || device.get("device") == null) {
            return false;
        }
        Object removed = call(() -> PushTokenScripts.REMOVE_DEVICE_IF.run(jedis,
                List.of(RedisKeys.pushTokens(device.get("user"))),
                List.of(device.get("device"), platform.wireName(), token)));
        call(() -> PushTokenScripts.RELEASE.run(jedis, List.of(owner), List.of(device.get("user"), device.get("device"))));
        return Long.valueOf(1).equals(removed);
    }

    /** Drops the owner entry of a token {@code device} no longer has, unless another device claimed it meanwhile. */
    private void release(String user, String device, Stored old) {
        PushPlatform.fromWireName(old.platform()).ifPresent(platform -> call(() -> PushTokenScripts.RELEASE.run(jedis,
                List.of(RedisKeys.pushTokenOwner(digest(platform, old.token()))), List.of(user, device))));
    }

    /**
     * A SHA-256 of platform and token: the owner key must not show the token, and the same token of two platforms
     * would be two tokens.
     */
    static String digest(PushPlatform platform, String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((platform.wireName() + ":" + token).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String write(Stored stored) {
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stored read(String json) {
        try {
            return JSON.readValue(json, Stored.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
