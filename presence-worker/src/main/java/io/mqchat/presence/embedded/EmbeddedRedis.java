package io.mqchat.presence.embedded;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
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
 * <p>Password-protected: every start draws a random password ({@link #password()}), which clients must send
 * (AUTH) before any command, so that another local user or program cannot read or change presence. It reaches the
 * process through a configuration file readable by its owner only ({@value #CONFIG_FILE}, deleted once the server
 * is up), never the command line, which every local user can read.
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
    /** Holds the password while the server starts, inside the data folder. */
    public static final String CONFIG_FILE = "redis-start.conf";
    private static final int PASSWORD_BYTES = 32;
    private static final String HOST = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final Path dataDir;
    private final int port;
    private final String password;
    private RedisServer server;

    /**
     * @param dataDir  where the server's files and the binary live; created if missing
     * @param port     the loopback port, or 0 for a free one
     * @param password what clients must authenticate with; letters, digits, {@code -} and {@code _} only
     */
    public EmbeddedRedis(Path dataDir, int port, String password) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (!password.matches("[A-Za-z0-9_-]{16,}")) {
            throw new IllegalArgumentException("the password must be 16 or more of A-Z a-z 0-9 - _");
        }
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port == 0 ? freePort() : port;
        this.password = password;
    }

    /** Creates and starts one with a fresh random password; see {@link #EmbeddedRedis(Path, int, String)}. */
    public static EmbeddedRedis start(Path dataDir, int port) throws IOException {
        EmbeddedRedis redis = new EmbeddedRedis(dataDir, port, randomPassword());
        redis.start();
        return redis;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
        Path config = writeConfig();
        List<String> command = ParentWatch.wrap(command(executable, config, appendOnly));
        server = new RedisServer(port, command, false, LOG::debug, LOG::warn);
        try {
            server.start();
        } finally {
            Files.deleteIfExists(config); // read at start; the password stays in memory only
        }
        if (!appendOnly) {
            try {
                enableAppendOnly();
            } catch (IOException | RuntimeException e) {
                stop();
                throw e;
            }
        }
    }

    /** The password in a file only its owner can read: redis-server's arguments show in every user's ps. */
    private Path writeConfig() throws IOException {
        Path config = dataDir.resolve(CONFIG_FILE);
        Files.deleteIfExists(config);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(config, "requirepass " + password + "\n", StandardCharsets.US_ASCII);
        return config;
    }

    private List<String> command(String executable, Path config, boolean appendOnly) {
        return List.of(executable, config.toString(),
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
            jedis.auth(password);
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

    /** What clients authenticate with (AUTH); new on every {@link #start(Path, int)}. Never log it. */
    public String password() {
        return password;
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
