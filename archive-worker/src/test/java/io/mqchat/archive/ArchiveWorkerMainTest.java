package io.mqchat.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.archive.metrics.ArchiveMetrics;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.extension.testing.TestBroker;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import io.mqchat.protocol.Topics;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The standalone process: its configuration errors, and a start with the media endpoint and metrics, then a stop. */
class ArchiveWorkerMainTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();

    @TempDir
    static Path dir;
    private static EmbeddedMongo mongo;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startMongo() {
        mongo = EmbeddedMongo.start(dir.resolve("mongo"));
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void withoutAMongoAddressAndATokenTheWorkerDoesNotStart() {
        assertEquals(2, run(Map.of("MQCHAT_WORKER_INSTANCE", "1", "MQCHAT_MEDIA_PORT", "0")));
    }

    @Test
    void anUnknownArgumentIsAUsageError() {
        assertEquals(2, ArchiveWorkerMain.run(new String[] {"--verbose"}, Map.of(), new CountDownLatch(1), line -> { }));
    }

    @Test
    void withTheMediaEndpointOnButNoTokenKeyTheWorkerSaysWhichKeyIsMissing() {
        Map<String, String> env = Map.of("MQCHAT_MONGO_URI", mongo.connectionString(), "MQCHAT_SERVICE_TOKEN", "t0k");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = run(env);
        } finally {
            System.setErr(original);
        }
        assertEquals(2, status);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("jwt.secret (MQCHAT_JWT_SECRET) is required"), message);
        assertTrue(message.contains("media.port=0"), "says how to do without: " + message);
    }

    @Test
    void itServesMediaMetricsAndHealthBesideTheWorkerAndStopsWhenTold() throws Exception {
        TestBroker b = broker.get();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String alice = "alice-" + run;
        String bob = "bob-" + run;
        int mediaPort = freePort();
        int metricsPort = freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "MQCHAT_MONGO_URI", mongo.connectionString(),
                "MQCHAT_MONGO_DATABASE", "main" + run,
                "MQCHAT_BROKER_HOST", b.host(),
                "MQCHAT_BROKER_PORT", String.valueOf(b.port()),
                "MQCHAT_SERVICE_TOKEN", b.serviceToken("svc-archive"),
                "MQCHAT_WORKER_INSTANCE", "main-" + run,
                "MQCHAT_JWT_SECRET", TestBroker.SECRET,
                "MQCHAT_MEDIA_PORT", String.valueOf(mediaPort),
                "MQCHAT_METRICS_PORT", String.valueOf(metricsPort)));
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<String> ready = new CompletableFuture<>();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> ArchiveWorkerMain.run(new String[0], env, stop, ready::complete));
        try {
            CompletableFuture.anyOf(ready, exit).get(60, TimeUnit.SECONDS);
            assertTrue(ready.isDone(), "no ready line; exit status " + exit.getNow(null));
            String line = ready.get();
            assertTrue(line.startsWith("mqchat archive-worker ready: broker tcp://127.0.0.1:" + b.port()
                    + " as instance main-" + run + " (lanes all), mongo "), line);
            assertTrue(line.endsWith(", media http://127.0.0.1:" + mediaPort + "/media, metrics http://127.0.0.1:"
                    + metricsPort + "/metrics"), line);

            URI media = URI.create("http://127.0.0.1:" + mediaPort + "/media");
            byte[] png = png();
            HttpResponse<String> upload = http.send(HttpRequest.newBuilder(media)
                    .header("Authorization", "Bearer " + b.token(alice))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, upload.statusCode(), upload.body());
            Matcher id = Pattern.compile("\"id\":\"([0-9a-f]{64})\"").matcher(upload.body());
            assertTrue(id.find(), upload.body());
            URI image = URI.create(media + "/" + id.group(1));
            assertEquals(404, download(image, b.token(bob)).statusCode(), "not shared with bob yet");
            assertArrayEquals(png, download(image, b.token(alice)).body(), "the uploader reads it back");

            // Shared with bob in a chat message: the archive-worker archives it, and then bob may download it.
            try (MqttDevice phone = MqttDevice.v5(b, alice, "phone")) {
                phone.publish(Topics.send(bob), "{\"v\":1,\"type\":\"image\",\"id\":\"img1\",\"media\":"
                        + upload.body() + "}");
            }
            assertArrayEquals(png, downloadOnceArchived(image, b.token(bob)).body());

            String scrape = get("http://127.0.0.1:" + metricsPort + "/metrics").body();
            assertTrue(scrape.contains(ArchiveMetrics.ARCHIVED + "_total 1.0"), scrape);
            assertTrue(scrape.contains(ArchiveMetrics.LAG + " "), scrape);
            assertTrue(scrape.contains(ArchiveMetrics.LATEST + " "), scrape);
            HttpResponse<String> health = get("http://127.0.0.1:" + metricsPort + "/health/ready");
            assertEquals(200, health.statusCode(), health.body());
            assertEquals("{\"status\":\"ready\",\"checks\":{\"broker\":\"up\",\"mongodb\":\"up\","
                    + "\"feed svc/archive/messages\":\"up\",\"feed svc/archive/requests\":\"up\"}}", health.body());
        } finally {
            stop.countDown();
        }
        assertEquals(0, exit.get(60, TimeUnit.SECONDS));
        assertThrows(IOException.class, () -> download(URI.create("http://127.0.0.1:" + mediaPort + "/media/x"),
                b.token(alice)), "the media endpoint stopped with the process");
    }

    private static int run(Map<String, String> env) {
        return ArchiveWorkerMain.run(new String[0], env, new CountDownLatch(1), line -> { });
    }

    private HttpResponse<byte[]> download(URI image, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(image).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The archive learns of the message through its feed, a moment after the broker routed it. */
    private HttpResponse<byte[]> downloadOnceArchived(URI image, String token) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        HttpResponse<byte[]> response = download(image, token);
        while (response.statusCode() == 404 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            response = download(image, token);
        }
        assertEquals(200, response.statusCode());
        return response;
    }

    private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(5, 5, 20, 10);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
