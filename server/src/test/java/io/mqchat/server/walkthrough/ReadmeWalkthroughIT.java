package io.mqchat.server.walkthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's run command and its mosquitto walkthrough, executed as a newcomer would: the {@code mqchat} script
 * starts the packaged server, {@code mqchat token} mints tokens, and mosquitto_pub/mosquitto_sub chat over
 * MQTT 3.1.1 and 5. Runs after packaging (failsafe), since it needs the server jar.
 */
class ReadmeWalkthroughIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path work;
    private int port;
    private Map<String, String> env;
    private Process server;

    @BeforeEach
    void startServerWithTheReadmeCommand() throws Exception {
        assumeTrue(onPath("mosquitto_pub") && onPath("mosquitto_sub"),
                "mosquitto-clients is not installed (README: install it; .ci/run does)");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        env = Map.of("MQCHAT_DATA_DIR", work.resolve("data").toString(),
                "MQCHAT_MQTT_PORT", Integer.toString(port),
                "MQCHAT_WEBSOCKET_PORT", "0", "MQCHAT_METRICS_PORT", "0", "MQCHAT_MEDIA_PORT", "0");
        server = command(List.of("./mqchat", "run")).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the server went away
            }
        });
        reader.setDaemon(true);
        reader.start();
        List<String> seen = new ArrayList<>();
        while (true) {
            String line = lines.poll(120, TimeUnit.SECONDS);
            assertTrue(line != null, "the server printed no ready line: " + seen);
            seen.add(line);
            if (line.startsWith("mqchat ready:")) {
                assertTrue(line.contains("tcp://127.0.0.1:" + port), line);
                break;
            }
        }
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aNewcomerChatsWithMosquittoAndSeesDeliveredAndReadReceipts() throws Exception {
        String alice = run(List.of("./mqchat", "token", "alice")).trim();
        String bob = run(List.of("./mqchat", "token", "bob")).trim();
        assertEquals(3, alice.split("\\.").length, "a JWT: " + alice);

        // Persistent sessions with their subscriptions (-E: exit once subscribed), as a device that was online once.
        run(sub("mqttv311", "bob:laptop", "bob", bob, "u/bob/#", "-E"));
        run(sub("mqttv5", "alice:watch", "alice", alice, "u/alice/#", "-E", "-x", "86400"));

        run(pub("mqttv5", "alice:phone", "alice", alice, "send/u/bob", "{\"v\":1,\"type\":\"text\",\"id\":\"m1\",\"body\":\"Hi Bob!\"}"));
        String atBob = run(sub("mqttv311", "bob:laptop", "bob", bob, "u/bob/#", "-C", "1", "-W", "30"));
        assertTrue(atBob.startsWith("u/bob/inbox {\"v\":1,\"type\":\"text\",\"id\":\"m1\",\"from\":\"alice\",\"to\":\"bob\""), atBob);
        assertTrue(atBob.contains("\"body\":\"Hi Bob!\""), atBob);

        run(pub("mqttv311", "bob:phone", "bob", bob, "read/u/alice", "{\"v\":1,\"upTo\":\"m1\"}"));
        String atAlice = run(sub("mqttv5", "alice:watch", "alice", alice, "u/alice/#", "-C", "3", "-W", "30", "-x", "86400"));
        assertTrue(atAlice.contains("u/alice/inbox {\"v\":1,\"type\":\"text\",\"id\":\"m1\",\"from\":\"alice\""), atAlice);
        assertTrue(atAlice.contains("u/alice/receipts {\"v\":1,\"type\":\"delivered\",\"id\":\"m1\",\"by\":\"bob\",\"peer\":\"bob\",\"device\":\"laptop\""), atAlice);
        assertTrue(atAlice.contains("u/alice/receipts {\"v\":1,\"type\":\"read\",\"upTo\":\"m1\",\"by\":\"bob\""), atAlice);

        // A device that listens to errors only: earlier devices may see re-sends (at least once) first.
        run(sub("mqttv5", "alice:desk", "alice", alice, "u/alice/errors", "-E", "-x", "86400"));
        run(pub("mqttv5", "alice:phone", "alice", alice, "send/u/bob", "hello"));
        String error = run(sub("mqttv5", "alice:desk", "alice", alice, "u/alice/errors", "-C", "1", "-W", "30", "-x", "86400"));
        assertTrue(error.contains("\"code\":\"invalid_json\""), error);

        server.destroy();
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stops on SIGTERM");
        assertEquals(0, server.exitValue(), "a clean stop exits 0");
    }

    private List<String> sub(String version, String clientId, String user, String token, String filter, String... extra) {
        List<String> args = new ArrayList<>(List.of("mosquitto_sub", "-V", version, "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-i", clientId, "-c", "-q", "1", "-u", user, "-P", token, "-t", filter, "-v"));
        args.addAll(List.of(extra));
        return args;
    }

    private List<String> pub(String version, String clientId, String user, String token, String topic, String message) {
        return List.of("mosquitto_pub", "-V", version, "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-i", clientId, "-q", "1", "-u", user, "-P", token, "-t", topic, "-m", message);
    }

    private ProcessBuilder command(List<String> args) {
        ProcessBuilder builder = new ProcessBuilder(args).directory(ROOT.toFile());
        builder.environment().putAll(env);
        return builder;
    }

    /** Runs a command to its end and returns its standard output; fails on a non-zero exit. */
    private String run(List<String> args) throws Exception {
        Path err = Files.createTempFile(work, "stderr", ".txt");
        Process process = command(args).redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "did not end: " + args.get(0));
        assertEquals(0, process.exitValue(), args.get(0) + " " + args.get(1) + " failed: " + Files.readString(err) + out);
        return out;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
