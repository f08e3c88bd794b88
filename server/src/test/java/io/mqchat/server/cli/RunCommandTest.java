package io.mqchat.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    /** A bound on waiting so a broken server fails the test instead of hanging it; never a measurement. */
    private static final long GIVE_UP_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void typoInConfigFileStopsRunWithExitCode2AndASuggestion() throws IOException {
        Path file = dir.resolve("broken.properties");
        Files.writeString(file, "mqtt.prot=1884\n");
        CliHarness cli = new CliHarness(Map.of(), dir, Clock.systemUTC());

        int code = cli.execute("run", "--config", file.toString());

        assertEquals(ExitCodes.CONFIG, code);
        assertTrue(cli.err().contains("mqtt.prot"), cli.err());
        assertTrue(cli.err().contains("did you mean mqtt.port?"), cli.err());
        assertFalse(cli.err().contains("\tat "), "no stack trace: " + cli.err());
        assertFalse(cli.stop.serving.isDone(), "no broker was started");
        assertFalse(Files.exists(dir.resolve("data")), "nothing was written");
    }

    @Test
    void portInUseStopsRunWithExitCode1BeforeStartingABroker() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            CliHarness cli = new CliHarness(Map.of("MQCHAT_MQTT_PORT", String.valueOf(port),
                    "MQCHAT_WEBSOCKET_PORT", "0", "MQCHAT_METRICS_PORT", "0", "MQCHAT_MEDIA_PORT", "0"), dir, Clock.systemUTC());

            int code = cli.execute("run");

            assertEquals(ExitCodes.FAILED, code);
            assertTrue(cli.err().contains("mqtt.port: cannot listen on 127.0.0.1:" + port), cli.err());
            assertFalse(cli.stop.serving.isDone(), "no broker was started");
        }
    }

    @Test
    void runStartsABrokerThatRoutesAMessageBetweenTwoUsers() throws Exception {
        int mqttPort = freePort();
        Map<String, String> env = Map.of(
                "MQCHAT_MQTT_PORT", String.valueOf(mqttPort),
                "MQCHAT_WEBSOCKET_PORT", String.valueOf(freePort()),
                "MQCHAT_DATA_DIR", "state", "MQCHAT_METRICS_PORT", "0", "MQCHAT_MEDIA_PORT", "0");
        CliHarness server = new CliHarness(env, dir, Clock.systemUTC());
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> server.execute());
        CompletableFuture.anyOf(server.stop.serving, run).get(GIVE_UP_SECONDS, TimeUnit.SECONDS);
        assertFalse(run.isDone(), "run ended early: " + server.err() + server.out());
        try {
            assertTrue(server.out().contains("mqchat ready: mqtt tcp://127.0.0.1:" + mqttPort), server.out());
            assertTrue(server.out().contains("development JWT secret"), server.out());
            assertEquals(dir.resolve("state/tmp"), server.tempFolder.get());

            Mqtt5BlockingClient bob = connect("bob:phone", mint("bob", env), mqttPort);
            Mqtt5BlockingClient alice = connect("alice:phone", mint("alice", env), mqttPort);
            try (Mqtt5BlockingClient.Mqtt5Publishes inbox = bob.publishes(MqttGlobalPublishFilter.ALL)) {
                bob.subscribeWith().topicFilter("u/bob/#").qos(MqttQos.AT_LEAST_ONCE).send();
                alice.publishWith().topic("send/u/bob").qos(MqttQos.AT_LEAST_ONCE)
                        .payload("{\"v\":1,\"type\":\"text\",\"body\":\"hi\"}".getBytes(StandardCharsets.UTF_8))
                        .send();

                String received = receiveOn(inbox, "u/bob/inbox");
                assertTrue(received.contains("\"from\":\"alice\""), received);
                assertTrue(received.contains("\"body\":\"hi\""), received);
            } finally {
                alice.disconnect();
                bob.disconnect();
            }
        } finally {
            server.stop.stop();
        }
        assertEquals(ExitCodes.OK, run.get(GIVE_UP_SECONDS, TimeUnit.SECONDS), server.err());
        assertTrue(server.out().contains("mqchat: stopped"), server.out());
    }

    private String mint(String user, Map<String, String> env) {
        CliHarness cli = new CliHarness(env, dir, Clock.systemUTC());
        assertEquals(ExitCodes.OK, cli.execute("token", user), cli.err());
        return cli.out().trim();
    }

    private static Mqtt5BlockingClient connect(String clientId, String token, int port) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(port).buildBlocking();
        client.connectWith().simpleAuth().password(token.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
        return client;
    }

    private static String receiveOn(Mqtt5BlockingClient.Mqtt5Publishes publishes, String topic)
            throws InterruptedException {
        while (true) {
            Optional<Mqtt5Publish> publish = publishes.receive(GIVE_UP_SECONDS, TimeUnit.SECONDS);
            assertTrue(publish.isPresent(), "nothing arrived on " + topic);
            if (publish.get().getTopic().toString().equals(topic)) {
                return new String(publish.get().getPayloadAsBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
