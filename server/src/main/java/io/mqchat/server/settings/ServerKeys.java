package io.mqchat.server.settings;

import io.mqchat.config.ConfigSchema;
import io.mqchat.config.Key;
import io.mqchat.extension.embedded.BrokerSettings;
import io.mqchat.groups.settings.GroupKeys;
import io.mqchat.presence.settings.PresenceKeys;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The configuration keys of the all-in-one server: listeners, storage, token checks and chat limits. */
public final class ServerKeys {

    /** HiveMQ's largest packet size (a 4-byte variable length integer plus the fixed header). */
    private static final int MAX_MQTT_PACKET_BYTES = 268_435_460;
    /** MQTT's session expiry interval is an unsigned 32-bit number of seconds. */
    private static final Duration MAX_SESSION_EXPIRY = Duration.ofSeconds(4_294_967_295L);

    public static final Key<String> MQTT_BIND = Key.text("mqtt.bind", "127.0.0.1",
            "Address both listeners bind to; 0.0.0.0 listens on every interface");
    public static final Key<Integer> MQTT_PORT = Key.port("mqtt.port", "1883", "MQTT over TCP port");
    public static final Key<Integer> WEBSOCKET_PORT = Key.portOrOff("websocket.port", "8083",
            "MQTT over WebSocket port, 0 switches the WebSocket listener off");
    public static final Key<String> WEBSOCKET_PATH = Key.text("websocket.path", "/mqtt",
            "HTTP path of the WebSocket listener");
    public static final Key<Path> DATA_DIR = Key.path("data.dir", "data",
            "Folder for the broker's persistence, its generated config and the development secret");
    public static final Key<String> PERSISTENCE = Key.choice("persistence", "file", List.of("file", "memory"),
            "file keeps sessions and queued messages across restarts; memory loses them");
    public static final Key<String> JWT_SECRET = Key.secret("jwt.secret",
            "HS256 secret of at least 32 bytes; unset with no JWKS means a generated development secret");
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
    public static final Key<Duration> PRESENCE_ACTIVITY_INTERVAL = Key.duration("presence.activity-interval", "1m",
            Duration.ofSeconds(1), "At most one presence activity event per user per this interval (what lastSeen "
                    + "falls back to after a broker crash)");
    public static final Key<Boolean> NOTIFY_INCLUDE_BODY = Key.flag("notify.include-body", "false",
            "Whether push notifications carry the message text (the push service then sees it)");
    public static final Key<List<Duration>> DISAPPEARING_TIMERS = Key.durations("chat.disappearing-timers",
            "24h,7d,90d", Duration.ofSeconds(1), Duration.ofDays(366),
            "The disappearing-message timers users may choose; a message's ttl must be one of them");
    public static final Key<Boolean> ARCHIVE_FEED = Key.flag("archive.feed", "true",
            "Whether routed 1-1 messages and read markers are fed to the archive (history sync needs it)");
    public static final Key<Duration> SESSION_EXPIRY_MAX = Key.duration("session.expiry-max", "30d",
            Duration.ZERO, MAX_SESSION_EXPIRY, "Longest time a device's session and queue outlive its connection");
    public static final Key<Integer> PACKET_MAX_BYTES = Key.integer("packet.max-bytes",
            String.valueOf(BrokerSettings.DEFAULT_MAX_PACKET_BYTES), 1024, MAX_MQTT_PACKET_BYTES,
            "Largest MQTT packet the broker accepts; bigger ones disconnect the client");

    /** Every key, in the order the key reference lists them: the server's, then the in-process workers'. */
    public static final ConfigSchema SCHEMA = ConfigSchema.of(MQTT_BIND, MQTT_PORT, WEBSOCKET_PORT, WEBSOCKET_PATH,
            DATA_DIR, PERSISTENCE, JWT_SECRET, JWT_JWKS_FILE, JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE,
            JWT_CLOCK_SKEW, MESSAGE_MAX_BYTES, QUEUE_LIMIT, RECEIPTS_DELIVERY_TTL, RATE_PER_SECOND, RATE_BURST,
            PRESENCE_ACTIVITY_INTERVAL, NOTIFY_INCLUDE_BODY, DISAPPEARING_TIMERS, ARCHIVE_FEED, SESSION_EXPIRY_MAX,
            PACKET_MAX_BYTES)
            .plus(PresenceKeys.SCHEMA).plus(GroupKeys.SCHEMA);

    private ServerKeys() {
    }
}
