package io.mqchat.server.settings;

import io.mqchat.archive.settings.ArchiveKeys;
import io.mqchat.config.ConfigSchema;
import io.mqchat.config.Key;
import io.mqchat.extension.embedded.BrokerSettings;
import io.mqchat.extension.metrics.MetricsKeys;
import io.mqchat.extension.settings.ExtensionKeys;
import io.mqchat.groups.settings.GroupKeys;
import io.mqchat.media.settings.MediaKeys;
import io.mqchat.presence.settings.PresenceKeys;
import io.mqchat.service.FeedKeys;
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
            "Folder for the broker's persistence, its generated config, the development secret and the log");
    public static final Key<String> PERSISTENCE = Key.choice("persistence", "file", List.of("file", "memory"),
            "file keeps sessions and queued messages across restarts; memory loses them");
    public static final Key<String> JWT_SECRET = Key.secret("jwt.secret",
            "HS256 secret of at least 32 bytes; unset with no JWKS means a generated development secret");
    // The extension's keys are declared once, in ExtensionKeys: the zip deployed in a stock HiveMQ reads the same.
    public static final Key<Path> JWT_JWKS_FILE = ExtensionKeys.JWT_JWKS_FILE;
    public static final Key<URI> JWT_JWKS_URL = ExtensionKeys.JWT_JWKS_URL;
    public static final Key<String> JWT_ISSUER = ExtensionKeys.JWT_ISSUER;
    public static final Key<String> JWT_AUDIENCE = ExtensionKeys.JWT_AUDIENCE;
    public static final Key<Duration> JWT_CLOCK_SKEW = ExtensionKeys.JWT_CLOCK_SKEW;
    public static final Key<Integer> MESSAGE_MAX_BYTES = ExtensionKeys.MESSAGE_MAX_BYTES;
    public static final Key<Long> QUEUE_LIMIT = ExtensionKeys.QUEUE_LIMIT;
    public static final Key<Duration> RECEIPTS_DELIVERY_TTL = ExtensionKeys.RECEIPTS_DELIVERY_TTL;
    public static final Key<Integer> RATE_PER_SECOND = ExtensionKeys.RATE_PER_SECOND;
    public static final Key<Integer> RATE_BURST = ExtensionKeys.RATE_BURST;
    public static final Key<Duration> PRESENCE_ACTIVITY_INTERVAL = ExtensionKeys.PRESENCE_ACTIVITY_INTERVAL;
    public static final Key<Boolean> NOTIFY_INCLUDE_BODY = ExtensionKeys.NOTIFY_INCLUDE_BODY;
    public static final Key<List<Duration>> DISAPPEARING_TIMERS = ExtensionKeys.DISAPPEARING_TIMERS;
    public static final Key<Boolean> ARCHIVE_FEED = ExtensionKeys.ARCHIVE_FEED;
    public static final Key<Integer> RATE_GROUP_PER_SECOND = ExtensionKeys.RATE_GROUP_PER_SECOND;
    public static final Key<Integer> RATE_GROUP_BURST = ExtensionKeys.RATE_GROUP_BURST;
    public static final Key<Integer> LIMITS_DEVICES = ExtensionKeys.LIMITS_DEVICES;
    public static final Key<Integer> LIMITS_SUBSCRIPTIONS = ExtensionKeys.LIMITS_SUBSCRIPTIONS;
    public static final Key<Integer> LIMITS_FILTER_LENGTH = ExtensionKeys.LIMITS_FILTER_LENGTH;
    public static final Key<Duration> SESSION_EXPIRY_MAX = Key.duration("session.expiry-max", "30d",
            Duration.ZERO, MAX_SESSION_EXPIRY, "Longest time a device's session and queue outlive its connection");
    public static final Key<Integer> PACKET_MAX_BYTES = Key.integer("packet.max-bytes",
            String.valueOf(BrokerSettings.DEFAULT_MAX_PACKET_BYTES), 1024, MAX_MQTT_PACKET_BYTES,
            "Largest MQTT packet the broker accepts; bigger ones disconnect the client");
    public static final Key<String> CLUSTER_NODE_ID = Key.text("cluster.node-id", null,
            "This node's id among several nodes (docs/CLUSTER.md); unset runs the server alone");
    public static final Key<String> CLUSTER_ADVERTISED_HOST = Key.text("cluster.advertised-host", null,
            "Host name or address devices reach this node at directly; redirects to this node name it");
    public static final Key<String> CLUSTER_RELAY_HOST = Key.text("cluster.relay-host", null,
            "Host name or address the other nodes reach this node at, when not cluster.advertised-host (a container "
                    + "network's name)");
    public static final Key<String> CLUSTER_SECRET = Key.secret("cluster.secret",
            "Secret of at least 32 bytes that all nodes share: their relays and workers sign service tokens with it");
    public static final Key<Integer> CLUSTER_BALANCED_MQTT_PORT = Key.portOrOff("cluster.balanced-mqtt-port", "0",
            "MQTT over TCP port for the load balancer only: a device arriving there makes this node its user's home");
    public static final Key<Integer> CLUSTER_BALANCED_WEBSOCKET_PORT = Key.portOrOff(
            "cluster.balanced-websocket-port", "0", "MQTT over WebSocket port for the load balancer only");
    /** metrics.bind and metrics.port: Prometheus metrics and health of the broker, the workers and the stores. */
    public static final MetricsKeys METRICS = MetricsKeys.withDefaultPort(MetricsKeys.BROKER_PORT);

    /** Every key, in the order the key reference lists them: the server's, then the in-process workers'. */
    public static final ConfigSchema SCHEMA = ConfigSchema.of(MQTT_BIND, MQTT_PORT, WEBSOCKET_PORT, WEBSOCKET_PATH,
            DATA_DIR, PERSISTENCE, JWT_SECRET, JWT_JWKS_FILE, JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE,
            JWT_CLOCK_SKEW, MESSAGE_MAX_BYTES, QUEUE_LIMIT, RECEIPTS_DELIVERY_TTL, RATE_PER_SECOND, RATE_BURST,
            PRESENCE_ACTIVITY_INTERVAL, NOTIFY_INCLUDE_BODY, DISAPPEARING_TIMERS, ARCHIVE_FEED, LIMITS_DEVICES,
            LIMITS_SUBSCRIPTIONS, LIMITS_FILTER_LENGTH, RATE_GROUP_PER_SECOND, RATE_GROUP_BURST, SESSION_EXPIRY_MAX,
            PACKET_MAX_BYTES, CLUSTER_NODE_ID, CLUSTER_ADVERTISED_HOST, CLUSTER_RELAY_HOST, CLUSTER_SECRET, CLUSTER_BALANCED_MQTT_PORT,
            CLUSTER_BALANCED_WEBSOCKET_PORT)
            .plus(METRICS.schema())
            .plus(PresenceKeys.SCHEMA).plus(GroupKeys.SCHEMA).plus(ArchiveKeys.SCHEMA)
            .plus(MediaKeys.SCHEMA).plus(ConfigSchema.of(FeedKeys.STALL_AFTER));

    private ServerKeys() {
    }
}
