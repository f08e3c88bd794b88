package io.mqchat.media.web;

import io.mqchat.extension.auth.TokenMinter;
import java.util.Objects;
import java.util.Optional;

/**
 * What the web app served beside the media endpoint is told and offers: where browsers reach the broker, and
 * whether the page may ask for a development token.
 *
 * @param mqttUrl          the MQTT-over-WebSocket URL to announce; empty: the page's own host with
 *                         {@code websocketPort} and {@code websocketPath}
 * @param websocketPort    the broker's websocket port; 0: the broker has none (the page says so)
 * @param websocketPath    the broker's websocket path, e.g. {@code /mqtt}
 * @param devTokens        mints development tokens for {@code POST /dev/token}; present only while the server runs
 *                         on its development secret, so that no deployment with a real key source can offer it
 */
public record WebApp(Optional<String> mqttUrl, int websocketPort, String websocketPath,
                     Optional<TokenMinter> devTokens) {

    /** The broker's websocket listener as HiveMQ and the all-in-one server set it up by default. */
    public static final int DEFAULT_WEBSOCKET_PORT = 8083;
    public static final String DEFAULT_WEBSOCKET_PATH = "/mqtt";

    public WebApp {
        Objects.requireNonNull(mqttUrl, "mqttUrl");
        Objects.requireNonNull(websocketPath, "websocketPath");
        Objects.requireNonNull(devTokens, "devTokens");
        if (websocketPort < 0 || websocketPort > 65535) {
            throw new IllegalArgumentException("websocket port must be 0-65535, not " + websocketPort);
        }
        if (!websocketPath.startsWith("/")) {
            throw new IllegalArgumentException("websocket path must start with '/': " + websocketPath);
        }
    }

    /**
     * A process beside a separate broker (the standalone archive-worker): the broker's default websocket listener
     * unless {@code mqttUrl} says otherwise, and never a development sign-in.
     */
    public static WebApp beside(Optional<String> mqttUrl) {
        return new WebApp(mqttUrl, DEFAULT_WEBSOCKET_PORT, DEFAULT_WEBSOCKET_PATH, Optional.empty());
    }
}
