package io.mqchat.extension.metrics;

import io.mqchat.config.Config;
import io.mqchat.config.ConfigSchema;
import io.mqchat.config.Key;

/**
 * The two keys of a program's metrics and health endpoint, {@code metrics.bind} and {@code metrics.port}. Each
 * program declares its own pair with its own default port, so that the server and the standalone workers can
 * run side by side on one host without clashing.
 *
 * @param bind the address the endpoint listens on
 * @param port its port, 0 for none
 */
public record MetricsKeys(Key<String> bind, Key<Integer> port) {

    /** The broker's (all-in-one server's, or the zip extension's) default port. */
    public static final int BROKER_PORT = 9400;
    /** The standalone presence-worker's default port. */
    public static final int PRESENCE_WORKER_PORT = 9401;
    /** The standalone group-worker's default port. */
    public static final int GROUP_WORKER_PORT = 9402;
    /** The standalone archive-worker's default port. */
    public static final int ARCHIVE_WORKER_PORT = 9403;

    /** Keys whose port defaults to {@code defaultPort}; the address defaults to loopback. */
    public static MetricsKeys withDefaultPort(int defaultPort) {
        return new MetricsKeys(
                Key.text("metrics.bind", "127.0.0.1",
                        "Address of the HTTP endpoint with /metrics (Prometheus) and /health/live, /health/ready; "
                                + "0.0.0.0 in a container"),
                Key.portOrOff("metrics.port", String.valueOf(defaultPort),
                        "Port of the metrics and health endpoint, 0 switches it off"));
    }

    public ConfigSchema schema() {
        return ConfigSchema.of(bind, port);
    }

    /** The configured endpoint. */
    public MetricsSettings settings(Config config) {
        return new MetricsSettings(config.get(bind), config.get(port));
    }
}
