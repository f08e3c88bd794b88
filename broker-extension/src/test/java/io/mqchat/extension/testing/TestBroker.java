package io.mqchat.extension.testing;

import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.config.JwtConfig;
import io.mqchat.extension.embedded.BrokerSettings;
import io.mqchat.extension.embedded.EmbeddedBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real embedded HiveMQ broker with the mqchat extension for tests: file persistence in a fresh temporary
 * folder, MQTT on a free loopback port, HS256 tokens from a test secret. Start one per test class where the
 * tests do not need a fresh broker: a start costs about 3 s and a stop about 4 s.
 */
public final class TestBroker implements AutoCloseable {

    /** The HS256 secret the broker accepts. */
    public static final String SECRET = "mqchat-test-secret-0123456789abcdef-0123456789";

    private final Path folder;
    private final int port;
    private final ExtensionConfig config;
    private final EmbeddedBroker broker;
    private final TokenMinter minter = new TokenMinter(SECRET, Clock.systemUTC());

    private TestBroker(Path folder, int port, ExtensionConfig config) {
        this.folder = folder;
        this.port = port;
        this.config = config;
        BrokerSettings settings = BrokerSettings.defaults(folder).withPorts(port, 0);
        this.broker = EmbeddedBroker.start(settings, config, Clock.systemUTC());
    }

    /** A broker with the default extension configuration. */
    public static TestBroker start() {
        return start(UnaryOperator.identity());
    }

    /** A broker whose extension configuration is adjusted by {@code customize}, e.g. a small queue limit. */
    public static TestBroker start(UnaryOperator<ExtensionConfig> customize) {
        try {
            Path folder = Files.createTempDirectory("mqchat-test-broker");
            return new TestBroker(folder, freePort(), customize.apply(ExtensionConfig.defaults(JwtConfig.hmac(SECRET))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** A token for {@code user}, valid for an hour. */
    public String token(String user) {
        return token(user, Duration.ofHours(1));
    }

    /** A token for {@code user}, valid for {@code ttl} (whole seconds: a token's expiry has no finer grain). */
    public String token(String user, Duration ttl) {
        return minter.mint(user, ttl);
    }

    /** A service account token for worker {@code service} (e.g. {@code svc-presence}), valid for an hour. */
    public String serviceToken(String service) {
        return minter.mintService(service, Duration.ofHours(1));
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    /**
     * Stops this broker and starts a new one on the same data folder and port: queued messages survive.
     * Close only the returned broker afterwards (closing this one too would delete the shared folder).
     */
    public TestBroker restart() {
        broker.close();
        return new TestBroker(folder, port, config);
    }

    /** Stops the broker and deletes its folder. */
    @Override
    public void close() {
        try {
            broker.close();
        } finally {
            deleteQuietly(folder);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
