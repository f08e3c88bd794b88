package io.mqchat.media.http;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's handler for the endpoint: finds the {@link Route} by path prefix and runs it on the request's thread,
 * blocking (Jetty hands such handlers a pool thread of their own). More routes, such as a web app, can be added
 * beside {@code /media}. Paths no route claims get a JSON 404.
 */
final class BlockingRoutes extends Handler.Abstract {

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final long minBytesPerSecond;
    private final long graceNanos;
    private final LongSupplier nanoTime;

    BlockingRoutes(long minBytesPerSecond, Duration grace, LongSupplier nanoTime) {
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = grace.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Routes requests whose path is {@code prefix} or starts with {@code prefix + "/"}. */
    BlockingRoutes add(String prefix, Route route) {
        routes.put(prefix, route);
        return this;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange exchange = new Exchange(request, response, minBytesPerSecond, graceNanos, nanoTime);
        String path = exchange.path();
        Route route = routes.entrySet().stream()
                .filter(entry -> path.equals(entry.getKey()) || path.startsWith(entry.getKey() + "/"))
                .map(Map.Entry::getValue).findFirst()
                .orElse(unknown -> Replies.errorIfStillPossible(unknown, 404, "not_found", "no such path"));
        try {
            route.handle(exchange);
            Replies.errorIfStillPossible(exchange, 500, "internal_error", "the request was not answered");
            exchange.finish();
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            // The client went away mid-answer: Jetty closes the connection.
            callback.failed(e);
        }
        return true;
    }
}
