package io.mqchat.bench.brokers;

import io.mqchat.presence.embedded.EmbeddedRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The Redis a cluster's nodes share for their registry (live nodes, users' homes): a real redis-server on a free
 * loopback port with a random password, started the way the all-in-one server starts its own ({@link EmbeddedRedis}),
 * in a fresh folder, one per cluster run so that no run inherits another's homes.
 */
public final class RegistryRedis implements AutoCloseable {

    private final EmbeddedRedis redis;
    private final Path folder;
    private final boolean keepData;

    private RegistryRedis(EmbeddedRedis redis, Path folder, boolean keepData) {
        this.redis = redis;
        this.folder = folder;
        this.keepData = keepData;
    }

    /** Starts redis-server with its files (and its unpacked binary) in {@code folder}. */
    public static RegistryRedis start(Path folder, boolean keepData) {
        try {
            return new RegistryRedis(EmbeddedRedis.start(folder, 0), folder, keepData);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the registry's redis-server in " + folder, e);
        }
    }

    /** {@code host:port}. */
    public String address() {
        return redis.address();
    }

    /** Never logged, never on a command line. */
    public String password() {
        return redis.password();
    }

    /** The redis-server process, from its pid file: its CPU counts as the registry's. */
    public long pid() {
        try {
            return Long.parseLong(Files.readString(folder.resolve(EmbeddedRedis.PID_FILE), StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("no pid file of the registry's redis-server in " + folder, e);
        }
    }

    /** Stops redis-server, then deletes its folder (its binary and files) unless asked to keep data. */
    @Override
    public void close() {
        redis.close();
        if (keepData) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // leftovers in a build folder are harmless
        }
    }
}
