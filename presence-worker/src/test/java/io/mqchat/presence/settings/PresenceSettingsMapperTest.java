package io.mqchat.presence.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.config.ConfigException;
import io.mqchat.config.ConfigLoader;
import io.mqchat.presence.notify.WebhookSigner;
import io.mqchat.presence.push.ApnsSettings;
import io.mqchat.presence.push.FcmSettings;
import io.mqchat.presence.settings.PresenceSettingsMapper.StandaloneSettings;
import io.mqchat.service.FeedSettings;
import io.mqchat.service.LaneSet;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** From configuration keys to the worker's settings, with the rules that span keys. */
class PresenceSettingsMapperTest {

    private static final String SECRET = "a-webhook-secret-of-at-least-32-bytes";

    @Test
    void defaultsAreTheLogSinkAOneMinuteWindowAndNoRedisAddress() {
        PresenceSettings settings = map(Map.of());
        assertEquals(Optional.empty(), settings.redis());
        assertEquals(NotifySettings.defaults(), settings.notifications());
    }

    @Test
    void notificationsWaitTwoSecondsForTheBadgeUnlessTurnedOff() {
        assertEquals(Duration.ofSeconds(2), map(Map.of()).notifications().badgeTimeout());
        assertTrue(map(Map.of()).notifications().badges());
        assertFalse(map(Map.of("MQCHAT_NOTIFY_BADGE_TIMEOUT", "0s")).notifications().badges());
    }

    @Test
    void theWebhookSinkTakesItsUrlAttemptsBackoffAndTimeout() {
        PresenceSettings settings = map(Map.of("MQCHAT_NOTIFY_SINK", "webhook",
                "MQCHAT_NOTIFY_WEBHOOK_URL", "https://push.example/notify", "MQCHAT_NOTIFY_WEBHOOK_ATTEMPTS", "3",
                "MQCHAT_NOTIFY_WEBHOOK_SECRET", SECRET,
                "MQCHAT_NOTIFY_COALESCE_WINDOW", "30s", "MQCHAT_REDIS_ADDRESS", "redis.internal:6380"));
        assertEquals(Optional.of(new RedisAddress("redis.internal", 6380)), settings.redis());
        assertEquals(URI.create("https://push.example/notify"), settings.notifications().webhook().orElseThrow().url());
        assertEquals(3, settings.notifications().webhook().orElseThrow().attempts());
        assertEquals(Duration.ofMillis(500), settings.notifications().webhook().orElseThrow().firstBackoff());
        assertEquals(Duration.ofSeconds(30), settings.notifications().coalesceWindow());
    }

    @Test
    void aWebhookBeyondLoopbackNeedsASecretOfAtLeast32BytesAndOnLoopbackMayGoUnsigned() {
        Map<String, String> remote = Map.of("MQCHAT_NOTIFY_SINK", "webhook",
                "MQCHAT_NOTIFY_WEBHOOK_URL", "https://push.example/notify");
        ConfigException unsigned = assertThrows(ConfigException.class, () -> map(remote));
        assertTrue(unsigned.getMessage().contains("notify.webhook-secret"), unsigned.getMessage());
        ConfigException shortSecret = assertThrows(ConfigException.class, () -> map(with(remote,
                "MQCHAT_NOTIFY_WEBHOOK_SECRET", "too-short")));
        assertTrue(shortSecret.getMessage().contains("at least 32 bytes"), shortSecret.getMessage());
        assertFalse(shortSecret.getMessage().contains("too-short"), "the secret is never shown");
        assertEquals(Optional.of(new WebhookSigner(SECRET)), map(with(remote, "MQCHAT_NOTIFY_WEBHOOK_SECRET", SECRET))
                .notifications().webhook().orElseThrow().signer());

        for (String local : new String[] {"http://127.0.0.1:8080/push", "http://localhost/push", "http://[::1]/push"}) {
            assertEquals(Optional.empty(), map(Map.of("MQCHAT_NOTIFY_SINK", "webhook", "MQCHAT_NOTIFY_WEBHOOK_URL",
                    local)).notifications().webhook().orElseThrow().signer(), local);
        }
        ConfigException unused = assertThrows(ConfigException.class,
                () -> map(Map.of("MQCHAT_NOTIFY_WEBHOOK_SECRET", SECRET)));
        assertTrue(unused.getMessage().contains("notify.sink"), unused.getMessage());
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> more = new HashMap<>(base);
        more.put(key, value);
        return more;
    }

    @Test
    void fcmKeyFileAddsFcmBesideTheLogSinkAtFcmItselfUnlessAStandInIsNamed() {
        FcmSettings fcm = map(Map.of("MQCHAT_NOTIFY_FCM_CREDENTIALS", "/etc/mqchat/firebase.json"))
                .notifications().fcm().orElseThrow();
        assertEquals(Path.of("/etc/mqchat/firebase.json"), fcm.credentials());
        assertEquals(URI.create("https://fcm.googleapis.com"), fcm.endpoint());
        assertEquals(URI.create("http://127.0.0.1:9099"), map(Map.of("MQCHAT_NOTIFY_FCM_CREDENTIALS", "key.json",
                "MQCHAT_NOTIFY_FCM_ENDPOINT", "http://127.0.0.1:9099")).notifications().fcm().orElseThrow().endpoint());
        assertEquals(Optional.empty(), map(Map.of()).notifications().fcm(), "no FCM without a key file");

        ConfigException endpointAlone = assertThrows(ConfigException.class,
                () -> map(Map.of("MQCHAT_NOTIFY_FCM_ENDPOINT", "http://127.0.0.1:9099")));
        assertTrue(endpointAlone.getMessage().contains("notify.fcm-credentials"), endpointAlone.getMessage());
    }

    @Test
    void anApnsKeyWithItsIdsAddsApnsAndAStandInNeedsItsAddressAndCertificate() {
        ApnsSettings apns = map(Map.of("MQCHAT_NOTIFY_APNS_KEY", "/etc/mqchat/AuthKey_K.p8",
                "MQCHAT_NOTIFY_APNS_TEAM_ID", "TEAM123456", "MQCHAT_NOTIFY_APNS_KEY_ID", "KEY1234567"))
                .notifications().apns().orElseThrow();
        assertEquals(Path.of("/etc/mqchat/AuthKey_K.p8"), apns.signingKey());
        assertEquals(List.of("TEAM123456", "KEY1234567"), List.of(apns.teamId(), apns.keyId()));
        assertEquals(Optional.empty(), apns.standIn(), "Apple's servers");

        ConfigException noIds = assertThrows(ConfigException.class,
                () -> map(Map.of("MQCHAT_NOTIFY_APNS_KEY", "/etc/mqchat/AuthKey_K.p8")));
        assertTrue(noIds.getMessage().contains("notify.apns-team-id"), noIds.getMessage());
        ConfigException idsAlone = assertThrows(ConfigException.class,
                () -> map(Map.of("MQCHAT_NOTIFY_APNS_TEAM_ID", "TEAM123456")));
        assertTrue(idsAlone.getMessage().contains("notify.apns-key"), idsAlone.getMessage());
        ConfigException standInWithoutCert = assertThrows(ConfigException.class, () -> map(Map.of(
                "MQCHAT_NOTIFY_APNS_KEY", "k.p8", "MQCHAT_NOTIFY_APNS_TEAM_ID", "T", "MQCHAT_NOTIFY_APNS_KEY_ID", "K",
                "MQCHAT_NOTIFY_APNS_STAND_IN", "127.0.0.1:2197")));
        assertTrue(standInWithoutCert.getMessage().contains("notify.apns-stand-in-cert"),
                standInWithoutCert.getMessage());
    }

    @Test
    void aWebhookSinkWithoutUrlAndAUrlWithoutWebhookSinkAreRefused() {
        ConfigException noUrl = assertThrows(ConfigException.class, () -> map(Map.of("MQCHAT_NOTIFY_SINK", "webhook")));
        assertTrue(noUrl.getMessage().contains("notify.webhook-url"), noUrl.getMessage());
        ConfigException unused = assertThrows(ConfigException.class,
                () -> map(Map.of("MQCHAT_NOTIFY_WEBHOOK_URL", "http://localhost/push")));
        assertTrue(unused.getMessage().contains("notify.sink"), unused.getMessage());
    }

    @Test
    void aConfiguredRedisTakesItsPasswordWhichIsNeverShownAndAPasswordWithoutAddressIsRefused() {
        RedisAddress redis = map(Map.of("MQCHAT_REDIS_ADDRESS", "redis.internal:6379",
                "MQCHAT_REDIS_PASSWORD", "s3cret-redis-password")).redis().orElseThrow();
        assertEquals(new RedisAddress("redis.internal", 6379, "s3cret-redis-password"), redis);
        assertFalse(redis.toString().contains("s3cret"), redis.toString());
        ConfigException alone = assertThrows(ConfigException.class,
                () -> map(Map.of("MQCHAT_REDIS_PASSWORD", "s3cret-redis-password")));
        assertTrue(alone.getMessage().contains("redis.address"), alone.getMessage());
        assertFalse(alone.getMessage().contains("s3cret"), alone.getMessage());
    }

    @Test
    void aMalformedRedisAddressIsRefusedWithTheKeyNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> map(Map.of("MQCHAT_REDIS_ADDRESS", "localhost")));
        assertTrue(e.getMessage().contains("redis.address"), e.getMessage());
        assertThrows(ConfigException.class, () -> map(Map.of("MQCHAT_REDIS_ADDRESS", "localhost:0")));
    }

    @Test
    void theStandaloneWorkerNeedsRedisAndAServiceTokenAndNamesBothWhenMissing() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> PresenceSettingsMapper.mapStandalone(new ConfigLoader(PresenceKeys.STANDALONE_SCHEMA)
                        .load(null, Map.of())));
        assertTrue(e.getMessage().contains("redis.address") && e.getMessage().contains("service.token"),
                e.getMessage());
    }

    @Test
    void theStandaloneWorkerReadsHowToReachTheBroker() {
        StandaloneSettings settings = PresenceSettingsMapper.mapStandalone(
                new ConfigLoader(PresenceKeys.STANDALONE_SCHEMA).load(null, Map.of(
                        "MQCHAT_REDIS_ADDRESS", "127.0.0.1:6379", "MQCHAT_SERVICE_TOKEN", "t0ken",
                        "MQCHAT_BROKER_HOST", "broker", "MQCHAT_BROKER_PORT", "1884", "MQCHAT_WORKER_INSTANCE", "b",
                        "MQCHAT_WORKER_LANES", "8-15")));
        assertEquals(new BrokerConnectionSettings("broker", 1884, "t0ken", "b",
                new FeedSettings(LaneSet.parse("8-15").orElseThrow(), Duration.ofSeconds(60))),
                settings.broker());
        assertTrue(!settings.broker().toString().contains("t0ken"), "the token is never shown");
    }

    @Test
    void anInstanceNameThatCannotBePartOfAClientIdIsRefused() {
        assertThrows(ConfigException.class, () -> PresenceSettingsMapper.mapStandalone(
                new ConfigLoader(PresenceKeys.STANDALONE_SCHEMA).load(null, Map.of(
                        "MQCHAT_REDIS_ADDRESS", "127.0.0.1:6379", "MQCHAT_SERVICE_TOKEN", "t",
                        "MQCHAT_WORKER_INSTANCE", "a/b"))));
    }

    private static PresenceSettings map(Map<String, String> env) {
        return PresenceSettingsMapper.map(new ConfigLoader(PresenceKeys.SCHEMA).load(null, env));
    }
}
