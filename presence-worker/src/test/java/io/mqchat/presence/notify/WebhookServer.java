package io.mqchat.presence.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A local HTTP server standing in for a push gateway: records every POST and answers with scripted statuses. */
public final class WebhookServer implements AutoCloseable {

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

    private WebhookServer(HttpServer server) {
        this.server = server;
    }

    /** Starts one on a free loopback port; it answers 204 unless told otherwise. */
    public static WebhookServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookServer webhook = new WebhookServer(http);
            http.createContext("/push", exchange -> {
                webhook.signatures.add(String.valueOf(exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER)));
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                webhook.bodies.add(body);
                webhook.waitIfHeld(body);
                int status = webhook.nextStatus();
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            http.setExecutor(Executors.newCachedThreadPool()); // a held request must not hold up the others
            http.start();
            return webhook;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/push");
    }

    /** The next requests get these statuses, in order; after them, 204 again. */
    public synchronized void answer(Integer... next) {
        statuses.addAll(List.of(next));
    }

    /** Bodies of every request so far, in arrival order. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** The {@value WebhookSigner#HEADER} header of every request so far ("null" where absent), in arrival order. */
    public List<String> signatures() {
        return List.copyOf(signatures);
    }

    /** Requests about {@code recipient} get no answer until {@link #release(String)}. */
    public void hold(String recipient) {
        held.put(recipient, new CountDownLatch(1));
    }

    /** Answers the held requests about {@code recipient}, and the next ones at once. */
    public void release(String recipient) {
        CountDownLatch latch = held.remove(recipient);
        if (latch != null) {
            latch.countDown();
        }
    }

    private void waitIfHeld(String body) {
        held.entrySet().stream().filter(entry -> body.contains("\"recipient\":\"" + entry.getKey() + "\""))
                .findFirst().ifPresent(entry -> {
                    try {
                        entry.getValue().await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
    }

    private synchronized int nextStatus() {
        Integer next = statuses.poll();
        return next == null ? 204 : next;
    }

    @Override
    public void close() {
        held.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }
}
