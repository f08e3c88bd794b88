package io.mqchat.mongodb.embedded;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server) storing its data in one H2 file, for the
 * all-in-one server when no MongoDB address is configured, and for tests. Clients use the real MongoDB driver
 * with {@link #connectionString()}.
 *
 * <p>Only for its own process: it listens on the given (loopback) address and serves only connections that
 * authenticated with a password drawn at random on every start, which travels nowhere but inside
 * {@link #connectionString()} ({@link PasswordGate}); another local user or program that finds the port cannot read
 * chat text from it. The password crosses loopback in the clear (SASL PLAIN; the server has no SCRAM or TLS here),
 * which only the machine's administrator can watch.
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

    private static final int PASSWORD_BYTES = 32;

    private final Path dataDir;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final String password;

    private EmbeddedMongo(Path dataDir, MongoServer server, InetSocketAddress address, String password) {
        this.dataDir = dataDir;
        this.server = server;
        this.address = address;
        this.password = password;
    }

    /**
     * Starts a server on {@code host}:{@code port} storing its data in {@code dataDir} (created if missing);
     * data written by an earlier run on the same folder is there again.
     *
     * @param port the TCP port, or 0 for any free one
     */
    public static EmbeddedMongo start(Path dataDir, String host, int port) {
        return start(dataDir, host, port, randomPassword());
    }

    private static EmbeddedMongo start(Path dataDir, String host, int port, String password) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir, e);
        }
        MongoServer server = new MongoServer(new OneAtATimeH2Backend(dataDir.resolve(FILE_NAME).toString(),
                new PasswordGate(password)));
        server.enableOplog();
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        return new EmbeddedMongo(dataDir, server, server.getLocalAddress(), password);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Starts a server on a free loopback port; see {@link #start(Path, String, int)}. */
    public static EmbeddedMongo start(Path dataDir) {
        return start(dataDir, "127.0.0.1", 0);
    }

    /**
     * {@code mongodb://user:password@host:port/?authMechanism=PLAIN}, for {@code MongoClients.create}: it holds this
     * run's password, so never log it.
     */
    public String connectionString() {
        return "mongodb://" + PasswordGate.USER + ":" + password + "@" + address.getHostString() + ":"
                + address.getPort() + "/?authMechanism=PLAIN";
    }

    public int port() {
        return address.getPort();
    }

    /**
     * After {@link #close()}, a new server on the same folder, address and password, so that the clients of this one
     * get back in when they reconnect (as after a store outage).
     */
    public EmbeddedMongo startAgain() {
        return start(dataDir, address.getHostString(), address.getPort(), password);
    }

    /** Stops listening, closes client connections and writes the data file. */
    @Override
    public void close() {
        server.shutdown();
    }
}
