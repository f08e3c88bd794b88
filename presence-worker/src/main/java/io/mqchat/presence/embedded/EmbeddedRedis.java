package io.mqchat.presence.embedded;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server process (the binary embedded-redis ships) for the all-in-one server when no Redis address
 * is configured, and for tests. It listens on loopback only and keeps its files and its unpacked binary in the given
 * data folder, never in the temp folder, so that privacy settings and last-seen times survive a restart.
 *
 * <p>Files: the append-only file ({@value #APPEND_ONLY_FILE}, fsync every second), a snapshot
 * ({@value #SNAPSHOT_FILE}, a minute after changes and at shutdown) and the pid file ({@value #PID_FILE}). Redis
 * writes each change to the append-only file before it replies, so a crash of redis or of the JVM loses nothing
 * acknowledged; a power loss or a kernel crash can lose the last second (two if the disk is too slow to keep up).
 * A folder without an append-only file (new, or from a version that kept only the snapshot) starts from its
 * snapshot and turns the append-only file on at runtime, which writes it from the loaded data: redis 6.2 started
 * with the append-only file on and none on disk would start empty and ignore the snapshot.
 *
 * <p>Never two on one folder, never outliving the JVM for long: {@link #start()} first stops a redis-server still
 * running on the folder (named by the pid file, or found among the processes), letting it write its files, and
 * the process is started through {@link ParentWatch}, which stops it soon after the JVM dies, even by
 * {@code kill -9}.
 *
 * <p>Not thread-safe; start and stop it from one thread.
 */
public final class EmbeddedRedis implements AutoCloseable {

    /** The snapshot file inside the data folder. */
    public static final String SNAPSHOT_FILE = "presence.rdb";
    /** The append-only file inside the data folder: the data a restart loads. */
    public static final String APPEND_ONLY_FILE = "presence.aof";
    /** The running server's pid, inside the data folder. */
    public static final String PID_FILE = "redis.pid";
    private static final String HOST = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final Path dataDir;
    private final int port;
    private RedisServer server;

    /**
     * @param dataDir where the server's files and the binary live; created if missing
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
     * connections and its append-only file is in place. Starting a running server does nothing.
     */
    public void start() throws IOException {
        if (server != null && server.isActive()) {
            return;
        }
        Files.createDirectories(dataDir);
        OrphanedRedis.stopAll(dataDir, dataDir.resolve(PID_FILE));
        // Unpack the binary into the data folder, not temp; its path also marks the process as this folder's.
        String executable = ExecutableProvider.newJarResourceProvider(dataDir.toFile()).get().getAbsolutePath();
        boolean appendOnly = Files.exists(dataDir.resolve(APPEND_ONLY_FILE));
        List<String> command = ParentWatch.wrap(command(executable, appendOnly));
        server = new RedisServer(port, command, false, LOG::debug, LOG::warn);
        server.start();
        if (!appendOnly) {
            try {
                enableAppendOnly();
            } catch (IOException | RuntimeException e) {
                stop();
                throw e;
            }
        }
    }

    private List<String> command(String executable, boolean appendOnly) {
        return List.of(executable,
                "--port", Integer.toString(port),
                "--bind", HOST,
                "--dir", dataDir.toString(),
                "--pidfile", dataDir.resolve(PID_FILE).toString(),
                "--dbfilename", SNAPSHOT_FILE,
                // The snapshot too: a second copy, and what a version without the append-only file would load.
                "--save", "60", "1",
                "--appendonly", appendOnly ? "yes" : "no",
                "--appendfilename", APPEND_ONLY_FILE,
                "--appendfsync", "everysec",
                "--daemonize", "no");
    }

    /** Turns the append-only file on and waits until redis has written it from the data it loaded. */
    private void enableAppendOnly() throws IOException {
        try (Jedis jedis = new Jedis(HOST, port)) {
            jedis.configSet("appendonly", "yes");
            // Until the rewrite is done there is no append-only file and a crash would lose what clients write: wait.
            String info = jedis.info("persistence");
            while (!infoField(info, "aof_rewrite_in_progress").equals("0")
                    || !infoField(info, "aof_rewrite_scheduled").equals("0")) {
                Thread.sleep(20);
                info = jedis.info("persistence");
            }
            if (!infoField(info, "aof_last_bgrewrite_status").equals("ok")
                    || !Files.exists(dataDir.resolve(APPEND_ONLY_FILE))) {
                throw new IOException("redis could not write its append-only file in " + dataDir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while redis writes its append-only file");
        }
    }

    private static String infoField(String info, String name) {
        return info.lines().filter(line -> line.startsWith(name + ":"))
                .map(line -> line.substring(name.length() + 1).trim()).findFirst().orElse("");
    }

    /** Stops the process (it writes its files first) and waits for it to end. Idempotent. */
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
