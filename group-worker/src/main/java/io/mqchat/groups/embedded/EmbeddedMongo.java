package io.mqchat.groups.embedded;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server) storing its data in one H2 file, for the
 * all-in-one server when no MongoDB address is configured, and for tests. Clients use the real MongoDB driver
 * with {@link #connectionString()}.
 *
 * <p>It suits development scale: no multi-document transactions, no TTL expiry, and secondary indexes are
 * accepted but ignored (queries scan). The oplog is on, so change streams work.
 *
 * <p>A write is in the file before it is acknowledged, so it survives a crash or {@code kill -9} of the process;
 * the file is not synced to the disk, so a power loss can still lose the last seconds of writes.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** The file inside the data folder that holds every database. */
    public static final String FILE_NAME = "mongo.mv.db";

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /**
     * Starts a server on {@code host}:{@code port} storing its data in {@code dataDir} (created if missing);
     * data written by an earlier run on the same folder is there again.
     *
     * @param port the TCP port, or 0 for any free one
     */
    public static EmbeddedMongo start(Path dataDir, String host, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir, e);
        }
        MongoServer server = new MongoServer(new OneAtATimeH2Backend(dataDir.resolve(FILE_NAME).toString()));
        server.enableOplog();
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        return new EmbeddedMongo(server, server.getLocalAddress());
    }

    /** Starts a server on a free loopback port; see {@link #start(Path, String, int)}. */
    public static EmbeddedMongo start(Path dataDir) {
        return start(dataDir, "127.0.0.1", 0);
    }

    /** {@code mongodb://host:port}, for {@code MongoClients.create}. */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    /** Stops listening, closes client connections and writes the data file. */
    @Override
    public void close() {
        server.shutdown();
    }
}
