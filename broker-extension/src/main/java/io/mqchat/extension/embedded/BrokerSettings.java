package io.mqchat.extension.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Where and how the embedded broker listens and stores. Turned into HiveMQ's config.xml by
 * {@link BrokerConfigXml}, so that no hand-written XML can be misspelled and silently ignored.
 *
 * @param bindAddress      address of both listeners
 * @param mqttPort         MQTT over TCP port
 * @param websocketPort    MQTT over WebSocket port, or 0 for none
 * @param websocketPath    WebSocket path, e.g. {@code /mqtt}
 * @param dataFolder       broker persistence and its config folder live below this folder
 * @param filePersistence  true for durable file persistence, false for in-memory (lost on restart)
 * @param maxPacketBytes   largest MQTT packet the broker accepts
 * @param sessionExpiryMax longest session expiry a client may ask for
 * @param balancedMqttPort      MQTT over TCP port that only the load balancer of a cluster connects to, or 0
 * @param balancedWebsocketPort MQTT over WebSocket port that only the load balancer connects to, or 0
 */
public record BrokerSettings(String bindAddress, int mqttPort, int websocketPort, String websocketPath,
                             Path dataFolder, boolean filePersistence, int maxPacketBytes,
                             Duration sessionExpiryMax, int balancedMqttPort, int balancedWebsocketPort) {

    /** The listener names HiveMQ reports in a connection's information. */
    public static final String TCP_LISTENER = "mqchat-tcp";
    public static final String WEBSOCKET_LISTENER = "mqchat-ws";
    public static final String BALANCED_TCP_LISTENER = "mqchat-tcp-balanced";
    public static final String BALANCED_WEBSOCKET_LISTENER = "mqchat-ws-balanced";
    /** The listeners a cluster's load balancer connects to. */
    public static final Set<String> BALANCED_LISTENERS = Set.of(BALANCED_TCP_LISTENER,
            BALANCED_WEBSOCKET_LISTENER);

    public static final int DEFAULT_MQTT_PORT = 1883;
    public static final int DEFAULT_WEBSOCKET_PORT = 8083;
    public static final int DEFAULT_MAX_PACKET_BYTES = 256 * 1024;
    public static final Duration DEFAULT_SESSION_EXPIRY_MAX = Duration.ofDays(30);

    public BrokerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(sessionExpiryMax, "sessionExpiryMax");
        checkPort("mqtt port", mqttPort, false);
        checkPort("websocket port", websocketPort, true);
        checkPort("balanced mqtt port", balancedMqttPort, true);
        checkPort("balanced websocket port", balancedWebsocketPort, true);
        long ports = java.util.stream.IntStream.of(mqttPort, websocketPort, balancedMqttPort, balancedWebsocketPort)
                .filter(port -> port != 0).count();
        long distinct = java.util.stream.IntStream.of(mqttPort, websocketPort, balancedMqttPort, balancedWebsocketPort)
                .filter(port -> port != 0).distinct().count();
        if (ports != distinct) {
            throw new IllegalArgumentException("the listeners' ports must differ");
        }
        if (websocketPort != 0 && (websocketPath == null || !websocketPath.startsWith("/"))) {
            throw new IllegalArgumentException("websocket path must start with /");
        }
        if (maxPacketBytes < 1024) {
            throw new IllegalArgumentException("max packet size must be at least 1024 bytes");
        }
    }

    /** Without listeners for a load balancer: one node. */
    public BrokerSettings(String bindAddress, int mqttPort, int websocketPort, String websocketPath, Path dataFolder,
                          boolean filePersistence, int maxPacketBytes, Duration sessionExpiryMax) {
        this(bindAddress, mqttPort, websocketPort, websocketPath, dataFolder, filePersistence, maxPacketBytes,
                sessionExpiryMax, 0, 0);
    }

    private static void checkPort(String name, int port, boolean zeroAllowed) {
        if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
            throw new IllegalArgumentException(name + " must be " + (zeroAllowed ? "0 (off) or " : "") + "1-65535: " + port);
        }
    }

    /** Loopback on the default ports with durable file persistence in {@code dataFolder}. */
    public static BrokerSettings defaults(Path dataFolder) {
        return new BrokerSettings("127.0.0.1", DEFAULT_MQTT_PORT, DEFAULT_WEBSOCKET_PORT, "/mqtt", dataFolder, true,
                DEFAULT_MAX_PACKET_BYTES, DEFAULT_SESSION_EXPIRY_MAX);
    }

    public BrokerSettings withPorts(int mqtt, int websocket) {
        return new BrokerSettings(bindAddress, mqtt, websocket, websocketPath, dataFolder, filePersistence,
                maxPacketBytes, sessionExpiryMax, balancedMqttPort, balancedWebsocketPort);
    }

    /** With listeners for a cluster's load balancer on these ports (0 for none). */
    public BrokerSettings withBalancedPorts(int mqtt, int websocket) {
        return new BrokerSettings(bindAddress, mqttPort, websocketPort, websocketPath, dataFolder, filePersistence,
                maxPacketBytes, sessionExpiryMax, mqtt, websocket);
    }
}
