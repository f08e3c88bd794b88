package io.mqchat.extension.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import io.mqchat.extension.MqchatExtension;
import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.protocol.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged zip, unzipped into the {@code extensions/} folder of a broker that runs as a stock HiveMQ does (its
 * own JVM, HiveMQ's class path only, no embedded extension): chat works exactly as with the embedded broker, and a
 * configuration that does not validate stops the broker instead of leaving it open.
 */
class ZipDeploymentIT {

    private static final String SECRET = "zip-deployment-test-secret-0123456789abcdef";
    private static final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path home;

    private final List<Mqtt5AsyncClient> clients = new ArrayList<>();
    private Process broker;
    private final List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (Mqtt5AsyncClient client : clients) {
            if (client.getState().isConnected()) {
                client.disconnect().join();
            }
        }
        if (broker != null && broker.isAlive()) {
            broker.getOutputStream().close();
            if (!broker.waitFor(60, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        }
        // The broker's own log, into this test's output file: what an operator would see.
        output.forEach(System.out::println);
    }

    @Test
    void zipDeployedExtensionRunsAChatRoundTripWithReceiptsAndServesItsMetrics() throws Exception {
        int mqtt = freePort();
        int metrics = freePort();
        installZip();
        // Configured both ways a stock installation offers: the folder's mqchat.properties and the environment.
        Files.writeString(home.resolve("extensions/mqchat/mqchat.properties"), "jwt.secret=" + SECRET + "\n");
        startBroker(mqtt, Map.of("MQCHAT_METRICS_PORT", String.valueOf(metrics)));

        assertTrue(output.stream().anyMatch(line -> line.contains("mqchat extension ready in mqchat: config "
                + "mqchat.properties, metrics http://127.0.0.1:" + metrics + "/metrics")), String.join("\n", output));

        TokenMinter minter = new TokenMinter(SECRET, Clock.systemUTC());
        BlockingQueue<String[]> atAlice = new LinkedBlockingQueue<>();
        BlockingQueue<String[]> atBob = new LinkedBlockingQueue<>();
        connect(mqtt, "alice", "phone", minter.mint("alice", Duration.ofHours(1)), atAlice);
        Mqtt5AsyncClient bob = connect(mqtt, "bob", "laptop", minter.mint("bob", Duration.ofHours(1)), atBob);
        Mqtt5AsyncClient alice = clients.get(0);

        publish(alice, Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"id\":\"z-1\",\"body\":\"from the zip\"}");
        JsonNode message = next(atBob, Topics.inbox("bob"));
        assertEquals("alice", message.get("from").asText(), "the extension stamps the sender");
        assertEquals("from the zip", message.get("body").asText());
        JsonNode delivered = next(atAlice, Topics.receipts("alice"));
        assertEquals("delivered", delivered.get("type").asText());
        assertEquals("z-1", delivered.get("id").asText());
        assertEquals("laptop", delivered.get("device").asText());

        publish(bob, Topics.read("alice"), "{\"v\":1,\"upTo\":\"z-1\"}");
        JsonNode read = next(atAlice, Topics.receipts("alice"));
        assertEquals("read", read.get("type").asText());
        assertEquals("bob", read.get("by").asText());

        CompletionException refused = assertThrows(CompletionException.class,
                () -> connect(mqtt, "mallory", "phone", "not-a-token", new LinkedBlockingQueue<>()));
        assertTrue(refused.getCause() instanceof Mqtt5ConnAckException, "a bad token is refused at CONNECT");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metrics + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode());
        assertTrue(scrape.body().contains("mqchat_messages_routed_total 1.0"), scrape.body());
        assertTrue(scrape.body().contains("mqchat_auth_failures_total 1.0"), "refused CONNECTs are counted");
        assertTrue(scrape.body().contains("com_hivemq_networking_connections_current"), "HiveMQ's own metrics too");
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metrics + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
    }

    @Test
    void brokerStopsWhenTheZipDeployedExtensionIsMisconfigured() throws Exception {
        installZip();
        // No token key at all, and a misspelt variable: the broker must not run without mqchat's authentication.
        startBroker(freePort(), Map.of("MQCHAT_JWT_SECRT", SECRET));

        assertTrue(broker.waitFor(60, TimeUnit.SECONDS), "the broker stops by itself");
        assertEquals(FailClosed.EXIT_STATUS, broker.exitValue());
        String log = String.join("\n", output);
        assertTrue(log.contains("unknown environment variable MQCHAT_JWT_SECRT (did you mean MQCHAT_JWT_SECRET?)"), log);
        assertTrue(log.contains("stopping the broker"), log);
        assertFalse(log.contains(SECRET), "the misplaced secret is not echoed");
    }

    /** Unzips the packaged extension into {@code extensions/}, as an operator would. */
    private void installZip() throws IOException {
        Path extensions = Files.createDirectories(home.resolve("extensions"));
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(Path.of(System.getProperty("mqchat.extension.zip"))))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = extensions.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        assertTrue(Files.isRegularFile(extensions.resolve(MqchatExtension.ID).resolve("hivemq-extension.xml")),
                "the zip's folder is named after the extension id");
    }

    private void startBroker(int mqttPort, Map<String, String> env) throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("conf/config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners><tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener></listeners>
                  <mqtt><queued-messages><strategy>discard-oldest</strategy></queued-messages></mqtt>
                  <persistence><mode>in-memory</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(mqttPort));
        String classpath = System.getProperty("mqchat.test.classes") + java.io.File.pathSeparator
                + Files.readString(Path.of(System.getProperty("mqchat.stock.classpath"))).trim();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp")),
                "-cp", classpath, StockHiveMq.class.getName(), home.toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("MQCHAT_"));
        builder.environment().putAll(env);
        broker = builder.start();
        BlockingQueue<Boolean> started = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> drain(broker.getInputStream(), started), "stock-hivemq-output");
        reader.setDaemon(true);
        reader.start();
        // Either the broker reports that it serves, or its output ends because it stopped.
        Boolean serving = started.poll(120, TimeUnit.SECONDS);
        assertTrue(serving != null, "the broker neither started nor stopped:\n" + String.join("\n", output));
    }

    private void drain(InputStream in, BlockingQueue<Boolean> started) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                output.add(line);
                if (line.equals(StockHiveMq.STARTED)) {
                    started.add(true);
                }
            }
        } catch (IOException ignored) {
            // the process went away
        }
        started.add(false);
    }

    private Mqtt5AsyncClient connect(int port, String user, String device, String token, BlockingQueue<String[]> inbox) {
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(user + ":" + device)
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, p -> inbox.add(new String[] {p.getTopic().toString(),
                new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)}));
        client.connectWith().cleanStart(false).sessionExpiryInterval(3600)
                .simpleAuth().password(token.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send().join();
        clients.add(client);
        client.subscribeWith().topicFilter(Topics.userTree(user)).qos(MqttQos.AT_LEAST_ONCE).send().join();
        return client;
    }

    private static void publish(Mqtt5AsyncClient client, String topic, String payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send().join();
    }

    /** The next message on {@code topic} (others are skipped); fails after 20 s. */
    private static JsonNode next(BlockingQueue<String[]> inbox, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String[] message = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message != null && message[0].equals(topic)) {
                return json.readTree(message[1]);
            }
        }
        throw new AssertionError("nothing arrived on " + topic);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
