package io.mqchat.extension.settings;

import io.mqchat.config.ConfigSchema;
import io.mqchat.config.Key;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The extension's configuration keys, wherever it runs: the all-in-one server adds them to its own schema, and
 * the zip deployed in a stock HiveMQ reads them from its folder and the environment ({@code FolderSettings}).
 * Listeners, persistence and packet limits are not here: in a stock broker they belong to HiveMQ's config.xml.
 */
public final class ExtensionKeys {

    public static final Key<Path> JWT_JWKS_FILE = Key.path("jwt.jwks-file", null,
            "JSON Web Key Set file with the identity provider's public keys (RS256/ES256)");
    public static final Key<URI> JWT_JWKS_URL = Key.httpUrl("jwt.jwks-url",
            "JSON Web Key Set URL of the identity provider (RS256/ES256)");
    public static final Key<String> JWT_ISSUER = Key.text("jwt.issuer", null,
            "Required iss claim of tokens; unset accepts any issuer");
    public static final Key<String> JWT_AUDIENCE = Key.text("jwt.audience", null,
            "Required aud claim of tokens; unset accepts any audience");
    public static final Key<Duration> JWT_CLOCK_SKEW = Key.duration("jwt.clock-skew", "30s", Duration.ZERO,
            "Tolerance for the exp and nbf claims of tokens");
    public static final Key<Integer> MESSAGE_MAX_BYTES = Key.integer("message.max-bytes", "65536", 256,
            Integer.MAX_VALUE, "Largest chat payload accepted; larger ones are answered with an error");
    public static final Key<Long> QUEUE_LIMIT = Key.longInteger("queue.limit", "10000", 1, Long.MAX_VALUE,
            "Messages queued per offline device before the oldest are dropped (history sync recovers them)");
    public static final Key<Duration> RECEIPTS_DELIVERY_TTL = Key.duration("receipts.delivery-ttl", "10m",
            Duration.ofSeconds(1), "How long a message awaits the recipient's acknowledgement before no delivery "
                    + "receipt is expected any more");
    public static final Key<Integer> RATE_PER_SECOND = Key.integer("rate.messages-per-second", "30", 1,
            1_000_000, "Messages and read markers one user may send per second, over all of its devices");
    public static final Key<Integer> RATE_BURST = Key.integer("rate.burst", "300", 1, 10_000_000,
            "Messages one user may send at once after a quiet spell");
    public static final Key<Integer> RATE_GROUP_PER_SECOND = Key.integer("rate.group-messages-per-second", "2", 1,
            1_000_000, "Group messages one user may send per second, over all of its devices (each costs a delivery "
                    + "per member); more are refused rate_limited at the door");
    public static final Key<Integer> RATE_GROUP_BURST = Key.integer("rate.group-burst", "20", 1, 10_000_000,
            "Group messages one user may send at once after a quiet spell");
    public static final Key<Duration> PRESENCE_ACTIVITY_INTERVAL = Key.duration("presence.activity-interval", "1m",
            Duration.ofSeconds(1), "At most one presence activity event per user per this interval (what lastSeen "
                    + "falls back to after a broker crash)");
    public static final Key<Boolean> NOTIFY_INCLUDE_BODY = Key.flag("notify.include-body", "false",
            "Whether push notifications carry the message text (the push service then sees it)");
    public static final Key<List<Duration>> DISAPPEARING_TIMERS = Key.durations("chat.disappearing-timers",
            "24h,7d,90d", Duration.ofSeconds(1), Duration.ofDays(366),
            "The disappearing-message timers users may choose; a message's ttl must be one of them");
    public static final Key<Integer> LIMITS_DEVICES = Key.integer("limits.devices-per-user", "10", 1, 10_000,
            "Devices (persistent sessions) one user may have; a new device beyond it gets QUOTA_EXCEEDED");
    public static final Key<Integer> LIMITS_SUBSCRIPTIONS = Key.integer("limits.subscriptions-per-device", "1000", 1,
            1_000_000, "Topic filters one device may hold; more are refused with QUOTA_EXCEEDED");
    public static final Key<Integer> LIMITS_FILTER_LENGTH = Key.integer("limits.filter-length", "256", 16, 65_535,
            "Longest topic filter a device may subscribe to, in characters");
    public static final Key<Boolean> ARCHIVE_FEED = Key.flag("archive.feed", "true",
            "Whether routed 1-1 messages and read markers are fed to the archive (history sync needs it)");

    /**
     * The keys every deployment shares. The HS256 secret is not among them: the server has a generated
     * development default, the zip has none, so each declares {@code jwt.secret} with its own meaning.
     */
    public static final ConfigSchema SCHEMA = ConfigSchema.of(JWT_JWKS_FILE, JWT_JWKS_URL, JWT_ISSUER,
            JWT_AUDIENCE, JWT_CLOCK_SKEW, MESSAGE_MAX_BYTES, QUEUE_LIMIT, RECEIPTS_DELIVERY_TTL, RATE_PER_SECOND,
            RATE_BURST, PRESENCE_ACTIVITY_INTERVAL, NOTIFY_INCLUDE_BODY, DISAPPEARING_TIMERS, ARCHIVE_FEED,
            LIMITS_DEVICES, LIMITS_SUBSCRIPTIONS, LIMITS_FILTER_LENGTH, RATE_GROUP_PER_SECOND, RATE_GROUP_BURST);

    private ExtensionKeys() {
    }
}
