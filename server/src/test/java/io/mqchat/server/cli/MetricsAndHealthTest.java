package io.mqchat.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.presence.embedded.EmbeddedRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator's {@code curl} sees on the running all-in-one server: Prometheus metrics whose mqchat counters
 * move when messages flow, and a readiness answer that stays "not ready" until every store answers.
 */
class MetricsAndHealthTest {

    private static final long GIVE_UP_SECONDS = 60;
    private static final String SECRET = "metrics-and-health-secret-0123456789-0123";
    private static final String REDIS_PASSWORD = "a-configured-redis-password";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void countersMoveWithTrafficAndTheServerIsReadyOnlyOnceRedisAnswers() throws Exception {
        int mqttPort = freePort();
        int metricsPort = freePort();
        int redisPort = freePort(); // nothing listens there yet: the configured Redis is down
        Map<String, String> env = Map.of(
                "MQCHAT_MQTT_PORT", String.valueOf(mqttPort),
                "MQCHAT_WEBSOCKET_PORT", "0",
                "MQCHAT_METRICS_PORT", String.valueOf(metricsPort), "MQCHAT_MEDIA_PORT", "0",
                "MQCHAT_REDIS_ADDRESS", "127.0.0.1:" + redisPort, "MQCHAT_REDIS_PASSWORD", REDIS_PASSWORD,
                "MQCHAT_JWT_SECRET", SECRET,
                "MQCHAT_DATA_DIR", "state");
        CliHarness server = new CliHarness(env, dir, Clock.systemUTC());
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> server.execute());
        CompletableFuture.anyOf(server.stop.serving, run).get(GIVE_UP_SECONDS, TimeUnit.SECONDS);
        assertFalse(run.isDone(), "run ended early: " + server.err() + server.out());
        String base = "http://127.0.0.1:" + metricsPort;
        try {
            assertTrue(server.out().contains("mqchat: metrics " + base + "/metrics, health " + base + "/health/ready"),
                    server.out());
            HttpResponse<String> notReady = get(base + "/health/ready");
            assertEquals(503, notReady.statusCode());
            assertEquals("{\"status\":\"not ready\",\"checks\":{\"broker\":\"up\",\"redis\":\"down\",\"mongodb\":\"up\","
                            + "\"feed svc/presence/events\":\"up\",\"feed svc/notify\":\"up\",\"feed svc/groups/messages\":\"up\","
                            + "\"feed svc/groups/requests\":\"up\",\"feed svc/archive/messages\":\"up\","
                            + "\"feed svc/archive/requests\":\"up\"}}",
                    notReady.body());
            assertEquals(200, get(base + "/health/live").statusCode(), "alive all the same");
            assertEquals(0.0, sample(base, "mqchat_messages_routed_total"));

            try (ChatFlow flow = new ChatFlow(mqttPort, SECRET)) {
                flow.oneToOneWithReceipts("counted");
            }
            assertEquals(1.0, sample(base, "mqchat_messages_routed_total"));
            assertEquals(1.0, sample(base, "mqchat_receipts_delivered_total"));
            assertTrue(sample(base, "com_hivemq_messages_incoming_publish_count_total") >= 1.0,
                    "HiveMQ's own metrics are there too");

            try (EmbeddedRedis redis = new EmbeddedRedis(dir.resolve("redis"), redisPort, REDIS_PASSWORD)) {
                redis.start();
                HttpResponse<String> ready = get(base + "/health/ready");
                assertEquals(200, ready.statusCode(), ready.body());
                assertEquals("{\"status\":\"ready\",\"checks\":{\"broker\":\"up\",\"redis\":\"up\",\"mongodb\":\"up\","
                            + "\"feed svc/presence/events\":\"up\",\"feed svc/notify\":\"up\",\"feed svc/groups/messages\":\"up\","
                            + "\"feed svc/groups/requests\":\"up\",\"feed svc/archive/messages\":\"up\","
                            + "\"feed svc/archive/requests\":\"up\"}}",
                        ready.body());
            }
        } finally {
            server.stop.stop();
        }
        assertEquals(ExitCodes.OK, run.get(GIVE_UP_SECONDS, TimeUnit.SECONDS), server.err());
    }

    /** The value of an unlabelled sample in the Prometheus text format, as a scraper reads it. */
    private double sample(String base, String name) throws Exception {
        HttpResponse<String> scrape = get(base + "/metrics");
        assertEquals(200, scrape.statusCode());
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(scrape.body());
        assertTrue(value.find(), name + " not in:\n" + scrape.body());
        return Double.parseDouble(value.group(1));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
