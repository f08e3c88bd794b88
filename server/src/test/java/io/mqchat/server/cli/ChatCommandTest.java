package io.mqchat.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.Message;
import io.mqchat.client.MqchatClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mqchat chat alice} chats on the server that {@code mqchat run} started from the same configuration. */
class ChatCommandTest {

    /** A bound on waiting so a broken server fails the test instead of hanging it; never a measurement. */
    private static final long GIVE_UP_SECONDS = 60;

    @TempDir
    Path dir;
    /** The server a test started, if any. */
    private CliHarness server;

    @Test
    void chatSendsWhatIsTypedOnTheConfiguredServerWithATokenOfTheDevelopmentSecret() throws Exception {
        Map<String, String> env = serverEnv();
        CompletableFuture<Integer> run = startServer(env);
        BlockingQueue<Message> bobsInbox = new LinkedBlockingQueue<>();
        try (MqchatClient bob = MqchatClient.builder().serverUri("tcp://127.0.0.1:" + env.get("MQCHAT_MQTT_PORT"))
                .user("bob").device("phone").token(mint("bob", env)).onMessage(bobsInbox::add).build()) {
            bob.connect().get(GIVE_UP_SECONDS, TimeUnit.SECONDS);

            CliHarness alice = new CliHarness(env, dir, Clock.systemUTC());
            int exit = alice.execute(typed("/open bob\nhello from mqchat chat\n"), "chat", "alice");

            assertEquals(ExitCodes.OK, exit, alice.err() + alice.out());
            assertTrue(alice.out().contains("* connected as alice (device term)"), alice.out());
            assertTrue(alice.out().contains("✓ sent m1 (bob)"), alice.out());
            Message received = bobsInbox.poll(GIVE_UP_SECONDS, TimeUnit.SECONDS);
            assertNotNull(received, "bob got nothing");
            assertEquals("alice", received.from());
            assertEquals("hello from mqchat chat", received.text());
        } finally {
            stopServer(run);
        }
    }

    @Test
    void withoutTheDevelopmentSecretChatAsksForAToken() {
        CliHarness cli = new CliHarness(Map.of("MQCHAT_JWT_SECRET", "an operator's secret of at least 32 bytes, made up"),
                dir, Clock.systemUTC());

        int exit = cli.execute(typed(""), "chat", "alice");

        assertEquals(ExitCodes.CONFIG, exit);
        assertTrue(cli.err().contains("pass USER's token with --token-file FILE or in MQCHAT_TOKEN"), cli.err());
        assertEquals("", cli.out());
    }

    @Test
    void aTokenFileOrMqchatTokenIsUsedRatherThanATokenOfTheDevelopmentSecret() throws Exception {
        Map<String, String> env = serverEnv();
        CompletableFuture<Integer> run = startServer(env);
        try {
            // Tokens the server refuses: had chat minted its own, it would connect.
            Files.writeString(dir.resolve("carol.token"), "not-a-jwt\n");
            CliHarness fromFile = new CliHarness(env, dir, Clock.systemUTC());
            assertEquals(ExitCodes.FAILED, fromFile.execute(typed(""), "chat", "carol", "--token-file", "carol.token"),
                    fromFile.err() + fromFile.out());
            assertTrue(fromFile.out().contains("! cannot connect: the server refused the token for carol"),
                    fromFile.out());

            Map<String, String> withToken = new HashMap<>(env);
            withToken.put("MQCHAT_TOKEN", "not-a-jwt");
            CliHarness fromEnv = new CliHarness(withToken, dir, Clock.systemUTC());
            assertEquals(ExitCodes.FAILED, fromEnv.execute(typed(""), "chat", "carol"), fromEnv.err() + fromEnv.out());
            assertTrue(fromEnv.out().contains("! cannot connect: the server refused the token for carol"),
                    fromEnv.out());

            Files.writeString(dir.resolve("carol.token"), mint("carol", env) + "\n");
            CliHarness valid = new CliHarness(env, dir, Clock.systemUTC());
            assertEquals(ExitCodes.OK, valid.execute(typed(""), "chat", "carol", "--token-file", "carol.token"),
                    valid.err() + valid.out());
            assertTrue(valid.out().contains("* connected as carol (device term)"), valid.out());
        } finally {
            stopServer(run);
        }
    }

    @Test
    void aTokenFileThatCannotBeReadIsAClearErrorBeforeAnythingStarts() {
        CliHarness cli = new CliHarness(Map.of("MQCHAT_DATA_DIR", "state"), dir, Clock.systemUTC());

        int exit = cli.execute(typed(""), "chat", "alice", "--token-file", "no-such.token");

        assertEquals(ExitCodes.CONFIG, exit);
        assertTrue(cli.err().contains("cannot read the token file"), cli.err());
        assertFalse(cli.err().contains("\tat "), "no stack trace: " + cli.err());
        assertEquals("", cli.out());
    }

    @Test
    void anInvalidUserIdIsRefusedWithAClearMessage() {
        CliHarness cli = new CliHarness(Map.of("MQCHAT_DATA_DIR", "state"), dir, Clock.systemUTC());

        int exit = cli.execute(typed(""), "chat", "no/such+user");

        assertEquals(ExitCodes.CONFIG, exit);
        assertTrue(cli.err().contains("invalid user id: no/such+user"), cli.err());
        assertFalse(cli.err().contains("\tat "), "no stack trace: " + cli.err());
    }

    /** {@code mqchat run} on the development secret, on a free MQTT port, without its other listeners. */
    private static Map<String, String> serverEnv() throws IOException {
        return Map.of("MQCHAT_MQTT_PORT", String.valueOf(freePort()), "MQCHAT_WEBSOCKET_PORT", "0",
                "MQCHAT_DATA_DIR", "state", "MQCHAT_METRICS_PORT", "0", "MQCHAT_MEDIA_PORT", "0");
    }

    /** Starts {@code mqchat run}, once it serves; {@link #stopServer} ends it. */
    private CompletableFuture<Integer> startServer(Map<String, String> env) throws Exception {
        server = new CliHarness(env, dir, Clock.systemUTC());
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> server.execute());
        CompletableFuture.anyOf(server.stop.serving, run).get(GIVE_UP_SECONDS, TimeUnit.SECONDS);
        assertFalse(run.isDone(), "run ended early: " + server.err() + server.out());
        return run;
    }

    private void stopServer(CompletableFuture<Integer> run) throws Exception {
        server.stop.stop();
        assertEquals(ExitCodes.OK, run.get(GIVE_UP_SECONDS, TimeUnit.SECONDS), server.err());
    }

    private String mint(String user, Map<String, String> env) {
        CliHarness cli = new CliHarness(env, dir, Clock.systemUTC());
        assertEquals(ExitCodes.OK, cli.execute("token", user), cli.err());
        return cli.out().trim();
    }

    private static LocalTerminal typed(String lines) {
        return new LocalTerminal(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), ZoneOffset.UTC);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
