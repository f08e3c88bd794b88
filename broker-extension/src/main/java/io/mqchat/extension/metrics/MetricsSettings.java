package io.mqchat.extension.metrics;

import java.util.Objects;

/**
 * Where a program serves its metrics and health.
 *
 * @param bind address to listen on
 * @param port port, or 0 for no endpoint
 */
public record MetricsSettings(String bind, int port) {

    public MetricsSettings {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("metrics port must be 0 (off) or 1-65535: " + port);
        }
    }

    /** True when the endpoint is switched off. */
    public boolean off() {
        return port == 0;
    }

    /** The base URL, for start-up lines, e.g. {@code http://127.0.0.1:9400}. */
    public String url(int boundPort) {
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        return "http://" + host + ":" + boundPort;
    }
}
