package io.mqchat.presence.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for FCM's HTTP v1 send endpoint and Google's OAuth token endpoint, speaking their wire formats:
 * it hands out access tokens for a JWT-bearer grant, records every send with its bearer token, and answers what a
 * test scripts (200 by default). {@link #writeKeyFile} writes a service-account key file pointing at it.
 */
public final class FcmStandIn implements AutoCloseable {

    public static final String PROJECT = "mqchat-demo";
    public static final String ACCESS_TOKEN = "ya29.stand-in-token";
    /** FCM's answer for a token that no longer reaches an app install. */
    public static final String UNREGISTERED = "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\",\"details\":[{"
            + "\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"UNREGISTERED\"}]}}";

    /** One send as FCM received it. */
    public record Received(String authorization, JsonNode message) {
    }

    /** A scripted answer to a send. */
    public record Answer(int status, String body, Map<String, String> headers) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Answer> script = new ArrayDeque<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final Set<String> unregistered = ConcurrentHashMap.newKeySet();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

    private FcmStandIn(HttpServer server) {
        this.server = server;
    }

    public static FcmStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FcmStandIn standIn = new FcmStandIn(server);
            server.createContext("/token", standIn::token);
            server.createContext("/v1/projects/" + PROJECT + "/messages:send", standIn::send);
            // A held answer must not hold the others up, as at FCM.
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A service-account key file of {@link #PROJECT} whose token endpoint is this stand-in. */
    public Path writeKeyFile(Path folder) throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> key = Map.of("type", "service_account", "project_id", PROJECT,
                "private_key_id", "k1", "private_key", pem,
                "client_email", "mqchat@" + PROJECT + ".iam.gserviceaccount.com", "client_id", "1",
                "token_uri", endpoint() + "/token");
        Path file = folder.resolve("service-account.json");
        Files.writeString(file, json.writeValueAsString(key));
        return file;
    }

    /** The next sends get these answers, in order; after them 200 again. */
    public synchronized void answer(Answer... answers) {
        script.addAll(List.of(answers));
    }

    /** Forgets what was received and scripted (not the tokens handed out). */
    public synchronized void reset() {
        received.clear();
        script.clear();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The sends received for registration token {@code token}. */
    public List<Received> receivedFor(String token) {
        return received.stream().filter(send -> send.message().path("token").asText().equals(token)).toList();
    }

    /** Sends to {@code token} get no answer until {@link #release}d (a service that hangs). */
    public void hold(String token) {
        held.put(token, new CountDownLatch(1));
    }

    /** Answers the sends to {@code token} held so far, and those to come at once. */
    public void release(String token) {
        CountDownLatch latch = held.remove(token);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** From now on every send to {@code token} is answered as for an app that was uninstalled. */
    public void unregister(String token) {
        unregistered.add(token);
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!form.contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")
                || !form.contains("assertion=")) {
            respond(exchange, new Answer(400, "{\"error\":\"invalid_grant\"}", Map.of()));
            return;
        }
        tokenRequests.incrementAndGet();
        respond(exchange, new Answer(200, "{\"access_token\":\"" + ACCESS_TOKEN
                + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}", Map.of()));
    }

    private void send(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody());
        received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), body.path("message")));
        CountDownLatch latch = held.get(body.path("message").path("token").asText());
        if (latch != null) {
            try {
                latch.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Answer answer;
        synchronized (this) {
            answer = unregistered.contains(body.path("message").path("token").asText())
                    ? new Answer(404, UNREGISTERED, Map.of()) : script.poll();
        }
        respond(exchange, answer != null ? answer
                : new Answer(200, "{\"name\":\"projects/" + PROJECT + "/messages/1\"}", Map.of()));
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        held.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }
}
