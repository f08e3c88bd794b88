package io.mqchat.client.internal;

import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the broker listens and over which transport: MQTT over TCP or WebSocket, each optionally with TLS.
 *
 * @param transport how to reach it
 * @param host      host name or address
 * @param port      port
 * @param path      WebSocket path such as {@code /mqtt}, with its query if any ({@code /mqtt?user=alice} for a
 *                  cluster's load balancer); empty for TCP
 */
public record ServerAddress(Transport transport, String host, int port, String path) {

    /** The transports a server URI can name, by scheme. */
    public enum Transport {
        TCP("tcp", 1883), SSL("ssl", 8883), WS("ws", 80), WSS("wss", 443);

        private final String scheme;
        private final int defaultPort;

        Transport(String scheme, int defaultPort) {
            this.scheme = scheme;
            this.defaultPort = defaultPort;
        }

        boolean isWebSocket() {
            return this == WS || this == WSS;
        }

        boolean isTls() {
            return this == SSL || this == WSS;
        }
    }

    public ServerAddress {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(path, "path");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("server host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server port must be 1-65535: " + port);
        }
    }

    /** MQTT over TCP to {@code 127.0.0.1:1883}. */
    public static ServerAddress localDefault() {
        return new ServerAddress(Transport.TCP, "127.0.0.1", Transport.TCP.defaultPort, "");
    }

    /**
     * Parses {@code tcp://host:port}, {@code ssl://host:port}, {@code ws://host:port/path} or
     * {@code wss://host:port/path}; {@code mqtt} and {@code mqtts} are accepted for {@code tcp} and {@code ssl}.
     */
    public static ServerAddress parse(String uri) {
        Objects.requireNonNull(uri, "server uri");
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid server uri '" + uri + "': " + e.getReason(), e);
        }
        if (parsed.getScheme() == null || parsed.getHost() == null) {
            throw new IllegalArgumentException("server uri must look like tcp://host:port or ws://host:port/path: " + uri);
        }
        Transport transport = transportOf(parsed.getScheme().toLowerCase(Locale.ROOT), uri);
        int port = parsed.getPort() == -1 ? transport.defaultPort : parsed.getPort();
        String path = (parsed.getRawPath() == null ? "" : parsed.getRawPath())
                + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
        if (!transport.isWebSocket() && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("a path only makes sense for ws:// and wss://: " + uri);
        }
        return new ServerAddress(transport, parsed.getHost(), port, transport.isWebSocket() ? path : "");
    }

    private static Transport transportOf(String scheme, String uri) {
        switch (scheme) {
            case "mqtt":
                return Transport.TCP;
            case "mqtts":
                return Transport.SSL;
            default:
                for (Transport transport : Transport.values()) {
                    if (transport.scheme.equals(scheme)) {
                        return transport;
                    }
                }
                throw new IllegalArgumentException("unsupported scheme '" + scheme + "' in server uri " + uri
                        + "; use tcp, ssl, ws or wss");
        }
    }

    public ServerAddress withHost(String newHost) {
        return new ServerAddress(transport, newHost, port, path);
    }

    public ServerAddress withPort(int newPort) {
        return new ServerAddress(transport, host, newPort, path);
    }

    /**
     * The media endpoint beside this broker: the same host, port {@code mediaPort}, over https when MQTT uses TLS
     * (the token must not travel in clear text where the app asked for TLS), else http.
     */
    public URI mediaUri(int mediaPort) {
        try {
            return new URI(transport.isTls() ? "https" : "http", null, host, mediaPort, "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no media endpoint address for host '" + host + "': " + e.getReason(), e);
        }
    }

    /** Host and port, unresolved: the MQTT client resolves it at each attempt. */
    public java.net.InetSocketAddress socketAddress() {
        return java.net.InetSocketAddress.createUnresolved(host, port);
    }

    /** Configures an MQTT client builder to reach this address. */
    public Mqtt5ClientBuilder applyTo(Mqtt5ClientBuilder builder) {
        Mqtt5ClientBuilder configured = builder.serverHost(host).serverPort(port);
        if (transport.isTls()) {
            configured = configured.sslWithDefaultConfig();
        }
        if (transport.isWebSocket()) {
            // A query (a cluster's load balancer reads ?user= from it) travels apart from the path.
            int query = path.indexOf('?');
            configured = query < 0 ? configured.webSocketConfig().serverPath(path).applyWebSocketConfig()
                    : configured.webSocketConfig().serverPath(path.substring(0, query))
                            .queryString(path.substring(query + 1)).applyWebSocketConfig();
        }
        return configured;
    }

    @Override
    public String toString() {
        return transport.scheme + "://" + host + ":" + port + path;
    }
}
