package io.mqchat.media.web;

import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * The answer of {@code GET /app/config.json}: what the page needs to know before it signs in. Without a configured
 * URL the broker is announced on the host name the page itself was loaded from, so a browser on another machine
 * reaches the same server it got the page from.
 *
 * @param mqtt          the MQTT-over-WebSocket URL, possibly holding {@code {user}}; null when the broker has no
 *                      websocket listener
 * @param devSignIn     whether {@code POST /dev/token} exists
 * @param maxImageBytes the largest image upload the media endpoint accepts
 */
record ClientConfig(String mqtt, boolean devSignIn, long maxImageBytes) {

    static ClientConfig answer(WebApp app, long maxImageBytes, Request request) {
        return new ClientConfig(mqttUrl(app, request).orElse(null), app.devTokens().isPresent(), maxImageBytes);
    }

    private static Optional<String> mqttUrl(WebApp app, Request request) {
        if (app.mqttUrl().isPresent()) {
            return app.mqttUrl();
        }
        if (app.websocketPort() == 0) {
            return Optional.empty();
        }
        String host = Request.getServerName(request);
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return Optional.of((request.isSecure() ? "wss://" : "ws://") + host + ":" + app.websocketPort()
                + app.websocketPath());
    }
}
