package io.mqchat.extension.embedded;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.config.JwtConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {

    @Test
    void aBrokerWhoseExtensionCannotStartRefusesToServeInsteadOfAllowingEveryone(@TempDir Path data) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JwtConfig missingKeys = new JwtConfig(null, data.resolve("no-such-jwks.json"), null, null, null, Duration.ZERO);
        BrokerSettings settings = BrokerSettings.defaults(data).withPorts(port, 0);

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> EmbeddedBroker.start(settings, ExtensionConfig.defaults(missingKeys), Clock.systemUTC()));
        assertTrue(failure.getMessage().contains("no-such-jwks.json"), failure.getMessage());
        try (Socket socket = new Socket()) {
            assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress("127.0.0.1", port), 2000),
                    "nothing listens on the port");
        }
    }
}
