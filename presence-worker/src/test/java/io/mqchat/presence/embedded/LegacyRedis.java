package io.mqchat.presence.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.embedded.core.ExecutableProvider;

/**
 * A redis-server on a data folder started the way versions before the append-only file did: the binary unpacked in
 * the folder, the snapshot only, no pid file, no watch on its JVM.
 */
final class LegacyRedis implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final Process process;
    private final int port;

    private LegacyRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static LegacyRedis start(Path folder) throws IOException, InterruptedException {
        Path dir = folder.toAbsolutePath().normalize();
        String executable = ExecutableProvider.newJarResourceProvider(dir.toFile()).get().getAbsolutePath();
        int port = freePort();
        Process process = new ProcessBuilder(List.of(executable,
                "--port", Integer.toString(port),
                "--bind", HOST,
                "--dir", dir.toString(),
                "--dbfilename", "presence.rdb",
                "--save", "60", "1",
                "--appendonly", "no",
                "--daemonize", "no"))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        LegacyRedis redis = new LegacyRedis(process, port);
        redis.awaitReady();
        return redis;
    }

    Process process() {
        return process;
    }

    JedisPooled client() {
        return new JedisPooled(HOST, port);
    }

    /** SIGTERM, as a machine's shutdown would send it: redis writes its snapshot and ends. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitReady() throws InterruptedException {
        try (JedisPooled jedis = client()) {
            for (int attempt = 0; ; attempt++) {
                try {
                    jedis.ping();
                    return;
                } catch (JedisConnectionException e) {
                    if (!process.isAlive() || attempt > 1000) {
                        process.destroyForcibly();
                        throw new IllegalStateException("the legacy redis-server did not start", e);
                    }
                    Thread.sleep(20);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
