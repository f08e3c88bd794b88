package io.mqchat.presence.settings;

import io.mqchat.config.ConfigSchema;
import io.mqchat.config.Key;
import io.mqchat.service.FeedKeys;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The configuration keys of the presence-worker. {@link #SCHEMA} holds what the worker needs wherever it runs
 * (Redis, notifications); the all-in-one server adds it to its own. {@link #STANDALONE_SCHEMA} adds how a
 * standalone worker reaches the broker, which the server knows by itself.
 */
public final class PresenceKeys {

    public static final String SINK_LOG = "log";
    public static final String SINK_WEBHOOK = "webhook";

    public static final Key<RedisAddress> REDIS_ADDRESS = Key.of("redis.address", RedisAddress.parser(), null,
            "Redis as host:port; unset, the all-in-one server starts an embedded Redis (a standalone worker needs it)");
    public static final Key<String> REDIS_PASSWORD = Key.secret("redis.password",
            "Password of the Redis at redis.address (AUTH), if it wants one; the embedded Redis makes its own");
    public static final Key<Boolean> REDIS_CLUSTER = Key.flag("redis.cluster", "false",
            "Whether redis.address is a node of a Redis Cluster: presence keys then spread over its masters");
    public static final Key<String> NOTIFY_SINK = Key.choice("notify.sink", SINK_LOG, List.of(SINK_LOG, SINK_WEBHOOK),
            "Where notifications for users with no connected device go: log, or webhook (HTTP POST of JSON)");
    public static final Key<URI> NOTIFY_WEBHOOK_URL = Key.httpUrl("notify.webhook-url",
            "Push gateway endpoint the webhook sink POSTs each notification to");
    public static final Key<String> NOTIFY_WEBHOOK_SECRET = Key.secret("notify.webhook-secret",
            "Signs every webhook request (header Mqchat-Signature, HMAC-SHA256, at least 32 bytes); required unless "
                    + "the webhook URL is on loopback");
    public static final Key<Integer> NOTIFY_WEBHOOK_ATTEMPTS = Key.integer("notify.webhook-attempts", "5", 1, 20,
            "Tries per notification before the webhook sink gives up (backoff doubles between tries)");
    public static final Key<Duration> NOTIFY_WEBHOOK_BACKOFF = Key.duration("notify.webhook-backoff", "500ms",
            Duration.ZERO, Duration.ofSeconds(10), "Wait before the webhook's second try; it doubles per try");
    public static final Key<Duration> NOTIFY_WEBHOOK_TIMEOUT = Key.duration("notify.webhook-timeout", "5s",
            Duration.ofMillis(100), Duration.ofMinutes(1), "Time limit of one webhook request");
    public static final Key<Path> NOTIFY_FCM_CREDENTIALS = Key.path("notify.fcm-credentials", null,
            "The Firebase project's service-account key file (JSON); set, notifications also go to the FCM tokens the "
                    + "recipient's devices registered");
    public static final Key<URI> NOTIFY_FCM_ENDPOINT = Key.httpUrl("notify.fcm-endpoint",
            "FCM's base URL (default https://fcm.googleapis.com); another only for a stand-in");
    public static final Key<Path> NOTIFY_APNS_KEY = Key.path("notify.apns-key", null,
            "The APNs auth key file (.p8) of the Apple developer account; set, notifications also go to the APNs "
                    + "tokens the recipient's devices registered (needs notify.apns-team-id and notify.apns-key-id)");
    public static final Key<String> NOTIFY_APNS_TEAM_ID = Key.text("notify.apns-team-id", null,
            "The Apple developer account's team id");
    public static final Key<String> NOTIFY_APNS_KEY_ID = Key.text("notify.apns-key-id", null,
            "The id of the APNs auth key in notify.apns-key");
    public static final Key<String> NOTIFY_APNS_STAND_IN = Key.text("notify.apns-stand-in", null,
            "host:port of an APNs stand-in to use instead of Apple's servers (tests); with notify.apns-stand-in-cert");
    public static final Key<Path> NOTIFY_APNS_STAND_IN_CERT = Key.path("notify.apns-stand-in-cert", null,
            "The PEM certificate the APNs stand-in presents, trusted instead of the system's roots");
    public static final Key<Duration> NOTIFY_COALESCE_WINDOW = Key.duration("notify.coalesce-window", "1m",
            Duration.ofSeconds(1), Duration.ofDays(1),
            "At most one notification per recipient and conversation within this window");
    public static final Key<Duration> NOTIFY_BADGE_TIMEOUT = Key.duration("notify.badge-timeout", "2s", Duration.ZERO,
            Duration.ofSeconds(30), "How long a push waits for the archive's count of the recipient's unread messages "
                    + "(the app's badge); 0s sends pushes without a badge (no archive-worker deployed)");

    public static final Key<String> BROKER_HOST = Key.text("broker.host", "127.0.0.1",
            "Host of the mqchat broker the standalone worker connects to");
    public static final Key<Integer> BROKER_PORT = Key.port("broker.port", "1883", "MQTT port of the mqchat broker");
    public static final Key<String> SERVICE_TOKEN = Key.secret("service.token",
            "Service token of the worker (a JWT with sub svc-presence and the service role)");
    public static final Key<String> WORKER_INSTANCE = Key.text("worker.instance", "1",
            "Name of this instance among the presence-workers (for its logs)");

    /** Keys of the worker wherever it runs. */
    public static final ConfigSchema SCHEMA = ConfigSchema.of(REDIS_ADDRESS, REDIS_PASSWORD, REDIS_CLUSTER, NOTIFY_SINK, NOTIFY_WEBHOOK_URL, NOTIFY_WEBHOOK_SECRET,
            NOTIFY_WEBHOOK_ATTEMPTS, NOTIFY_WEBHOOK_BACKOFF, NOTIFY_WEBHOOK_TIMEOUT, NOTIFY_FCM_CREDENTIALS,
            NOTIFY_FCM_ENDPOINT, NOTIFY_APNS_KEY, NOTIFY_APNS_TEAM_ID, NOTIFY_APNS_KEY_ID, NOTIFY_APNS_STAND_IN,
            NOTIFY_APNS_STAND_IN_CERT, NOTIFY_COALESCE_WINDOW, NOTIFY_BADGE_TIMEOUT);

    /** Keys of the standalone worker process. */
    public static final ConfigSchema STANDALONE_SCHEMA = SCHEMA.plus(ConfigSchema.of(BROKER_HOST, BROKER_PORT,
            SERVICE_TOKEN, WORKER_INSTANCE, FeedKeys.WORKER_LANES, FeedKeys.STALL_AFTER));

    private PresenceKeys() {
    }
}
