package io.mqchat.presence.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server process (the binary embedded-redis ships) for the all-in-one server when no Redis address
 * is configured, and for tests. It listens on loopback only and keeps its snapshot ({@value #SNAPSHOT_FILE}) and
 * its unpacked binary in the given data folder, never in the temp folder, so that privacy settings and last-seen
 * times survive a restart and nothing is left behind elsewhere.
 *
 * <p>Never two on one folder, never outliving the JVM for long: {@link #start()} first stops a redis-server still
 * running on the folder (named by the pid file {@value #PID_FILE}, or found among the processes), letting it write
 * its files, and the process is started through {@link ParentWatch}, which stops it soon after the JVM dies, even
 * by {@code kill -9}.
 *
 * <p>Not thread-safe; start and stop it from one thread.
 */
public final class EmbeddedRedis implements AutoCloseable {

    /** The snapshot file inside the data folder. */
    public static final String SNAPSHOT_FILE = "presence.rdb";
    /** The running server's pid, inside the data folder. */
    public static final String PID_FILE = "redis.pid";
    private static final String HOST = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final Path dataDir;
    private final int port;
    private RedisServer server;

    /**
     * @param dataDir where the snapshot and the binary live; created if missing
     * @param port    the loopback port, or 0 for a free one
     */
    public EmbeddedRedis(Path dataDir, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port == 0 ? freePort() : port;
    }

    /** Creates and starts one; see {@link #EmbeddedRedis(Path, int)}. */
    public static EmbeddedRedis start(Path dataDir, int port) throws IOException {
        EmbeddedRedis redis = new EmbeddedRedis(dataDir, port);
        redis.start();
        return redis;
    }

    /**
     * Stops a server left running on the folder, then starts the server process; returns once it accepts
     * connections. Starting a running server does nothing.
     */
    public void start() throws IOException {
        if (server != null && server.isActive()) {
            return;
        }
        Files.createDirectories(dataDir);
        OrphanedRedis.stopAll(dataDir, dataDir.resolve(PID_FILE));
        // Unpack the binary into the data folder, not temp; its path also marks the process as this folder's.
        String executable = ExecutableProvider.newJarResourceProvider(dataDir.toFile()).get().getAbsolutePath();
        List<String> args = List.of(executable,
                "--port", Integer.toString(port),
                "--bind", HOST,
                "--dir", dataDir.toString(),
                "--pidfile", dataDir.resolve(PID_FILE).toString(),
                "--dbfilename", SNAPSHOT_FILE,
                // A snapshot a minute after changes and one at shutdown: presence is cheap to rebuild, privacy is not.
                "--save", "60", "1",
                "--appendonly", "no",
                "--daemonize", "no");
        server = new RedisServer(port, ParentWatch.wrap(args), false, LOG::debug, LOG::warn);
        server.start();
    }

    /** Stops the process (it writes its snapshot first) and waits for it to end. Idempotent. */
    public void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    public boolean isRunning() {
        return server != null && server.isActive();
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** {@code host:port}, the form of the {@code redis.address} key. */
    public String address() {
        return HOST + ":" + port;
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
