package io.mqchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.config.JwtConfig;
import io.mqchat.extension.embedded.BrokerSettings;
import io.mqchat.extension.embedded.EmbeddedBroker;
import io.mqchat.extension.testing.TestBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apps behind proxies (and browsers' peers) reach the broker over WebSocket; the library speaks it the same way. */
class WebSocketTest {

    @TempDir
    static Path folder;

    private static EmbeddedBroker broker;
    private static int websocketPort;
    private static final TokenMinter tokens = new TokenMinter(TestBroker.SECRET, Clock.systemUTC());

    @BeforeAll
    static void startBrokerWithWebSocketListener() throws IOException {
        websocketPort = freePort();
        BrokerSettings settings = BrokerSettings.defaults(Files.createDirectories(folder.resolve("broker")))
                .withPorts(freePort(), websocketPort);
        broker = EmbeddedBroker.start(settings, ExtensionConfig.defaults(JwtConfig.hmac(TestBroker.SECRET)),
                Clock.systemUTC());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void usersChatOverWebSocket() {
        Recorder<Message> bobsMessages = new Recorder<>("bob messages");
        try (MqchatClient alice = overWebSocket("alice").build();
             MqchatClient bob = overWebSocket("bob").onMessage(bobsMessages).build()) {
            TestDevice.await(alice.connect());
            TestDevice.await(bob.connect());

            SentMessage sent = TestDevice.await(alice.send("bob", "over a web socket"));

            Message received = bobsMessages.next();
            assertEquals(sent.id(), received.id());
            assertEquals("over a web socket", received.text());
        }
    }

    private static MqchatClientBuilder overWebSocket(String user) {
        return MqchatClient.builder()
                .serverUri("ws://127.0.0.1:" + websocketPort + broker.settings().websocketPath())
                .user(user)
                .device("browser")
                .token(tokens.mint(user, Duration.ofHours(1)))
                .catchUp(false); // no archive behind this broker
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
