package io.mqchat.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.server.deployment.RealStoresImages;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The main scenarios (chat with receipts, typing, presence, groups) with the server on a real Redis and a real
 * MongoDB replica set, the images docker-compose.yml runs ({@link RealStoresImages}); skipped where Docker is
 * missing.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealStoresTest {

    private static final long GIVE_UP_SECONDS = 120;
    private static final String SECRET = "real-stores-secret-0123456789-0123456789";

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(RealStoresImages.MONGO);
    @Container
    static final GenericContainer<?> REDIS = new GenericContainer<>(RealStoresImages.REDIS).withExposedPorts(6379);

    @TempDir
    Path dir;

    @Test
    void chatPresenceAndGroupsWorkOnRealRedisAndMongoDb() throws Exception {
        int mqttPort = freePort();
        int metricsPort = freePort();
        Map<String, String> env = Map.of(
                "MQCHAT_MQTT_PORT", String.valueOf(mqttPort),
                "MQCHAT_WEBSOCKET_PORT", "0",
                "MQCHAT_METRICS_PORT", String.valueOf(metricsPort), "MQCHAT_MEDIA_PORT", "0",
                "MQCHAT_JWT_SECRET", SECRET,
                "MQCHAT_REDIS_ADDRESS", REDIS.getHost() + ":" + REDIS.getMappedPort(6379),
                "MQCHAT_MONGO_URI", MONGO.getReplicaSetUrl(),
                "MQCHAT_DATA_DIR", "state");
        CliHarness server = new CliHarness(env, dir, Clock.systemUTC());
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> server.execute());
        CompletableFuture.anyOf(server.stop.serving, run).get(GIVE_UP_SECONDS, TimeUnit.SECONDS);
        assertFalse(run.isDone(), "run ended early: " + server.err() + server.out());
        try (ChatFlow flow = new ChatFlow(mqttPort, SECRET)) {
            assertTrue(server.out().contains("presence-worker: redis " + REDIS.getHost()), server.out());
            assertTrue(server.out().contains("group-worker: mongodb as configured"), server.out());
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + metricsPort + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());

            flow.oneToOneWithReceipts("hello " + UUID.randomUUID());
            flow.typingAndPresence();
            flow.groupMessage("hello group " + UUID.randomUUID());
        } finally {
            server.stop.stop();
        }
        assertEquals(ExitCodes.OK, run.get(GIVE_UP_SECONDS, TimeUnit.SECONDS), server.err());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
