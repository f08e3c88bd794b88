package io.mqchat.extension.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One HTTP port per program (the JDK's built-in server) with:
 * <ul>
 *   <li>{@code /metrics}: the registry, plus the JVM's figures, in the Prometheus text format (the Prometheus
 *       client's own handler);</li>
 *   <li>{@code /health/live}: 200 while the process serves at all;</li>
 *   <li>{@code /health/ready}: 200 when every readiness check passes, else 503; the body names each check's state,
 *       e.g. {@code {"status":"not ready","checks":{"broker":"up","redis":"down"}}}.</li>
 * </ul>
 * Two daemon threads answer, so that a slow readiness probe (a store timing out) does not hold up a scrape, and
 * the endpoint never keeps a process alive.
 */
public final class MetricsEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving.
     *
     * @param settings  where; must not be {@linkplain MetricsSettings#off() off}
     * @param registry  the metrics to expose
     * @param readiness the conditions of {@code /health/ready}, checked on every request
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static MetricsEndpoint start(MetricsSettings settings, PrometheusRegistry registry,
                                        List<HealthCheck> readiness) {
        if (settings.off()) {
            throw new IllegalArgumentException("the metrics endpoint is switched off (metrics.port=0)");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("metrics.port: cannot serve metrics on " + settings.bind() + ":"
                    + settings.port(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "mqchat-metrics-http");
            thread.setDaemon(true);
            return thread;
        });
        // Memory, garbage collection, threads and CPU of the process, whatever else it measures.
        JvmMetrics.builder().register(registry);
        List<HealthCheck> checks = List.copyOf(readiness);
        server.setExecutor(executor);
        server.createContext("/metrics", new MetricsHandler(registry));
        server.createContext("/health/live", exchange -> answer(exchange, 200, "{\"status\":\"live\"}"));
        server.createContext("/health/ready", exchange -> ready(exchange, checks));
        server.start();
        return new MetricsEndpoint(server, executor);
    }

    /** The bound port (differs from the configured one only when that was chosen by the system). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void ready(HttpExchange exchange, List<HealthCheck> checks) throws IOException {
        Map<String, Boolean> states = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            states.put(check.name(), check.passes());
        }
        boolean ready = !states.containsValue(false);
        StringBuilder body = new StringBuilder("{\"status\":\"").append(ready ? "ready" : "not ready")
                .append("\",\"checks\":{");
        String separator = "";
        for (Map.Entry<String, Boolean> state : states.entrySet()) {
            body.append(separator).append('"').append(state.getKey()).append("\":\"")
                    .append(state.getValue() ? "up" : "down").append('"');
            separator = ",";
        }
        answer(exchange, ready ? 200 : 503, body.append("}}").toString());
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
