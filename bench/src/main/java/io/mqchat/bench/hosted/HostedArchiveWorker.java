package io.mqchat.bench.hosted;

import com.mongodb.client.MongoClient;
import io.mqchat.archive.settings.ArchiveSettings;
import io.mqchat.archive.store.MongoArchiveStore;
import io.mqchat.archive.worker.ArchiveWorker;
import io.mqchat.archive.worker.BrokerLink;
import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.groups.embedded.EmbeddedMongo;
import io.mqchat.groups.store.MongoConnector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * One archive-worker beside the mqchat broker under test, in the broker's process, wired as the all-in-one server
 * wires it: the embedded MongoDB-wire store, a service token of its own, MQTT connections to the broker on loopback.
 * With it the broker's archive feed finds its subscriber, so every routed message is also queued for and stored by
 * the archive, and the worker's CPU counts as the broker process's.
 */
final class HostedArchiveWorker implements AutoCloseable {

    private static final Duration TOKEN_TTL = Duration.ofHours(12);

    private final EmbeddedMongo mongo;
    private final MongoClient client;
    private final ArchiveWorker worker;

    private HostedArchiveWorker(EmbeddedMongo mongo, MongoClient client, ArchiveWorker worker) {
        this.mongo = mongo;
        this.client = client;
        this.worker = worker;
    }

    /** Starts the store in {@code dataFolder} and a worker connected to the broker on {@code port}. */
    static HostedArchiveWorker start(Path dataFolder, int port, String secret) {
        EmbeddedMongo mongo = EmbeddedMongo.start(dataFolder);
        MongoClient client = null;
        try {
            client = MongoConnector.connect(mongo.connectionString());
            MongoArchiveStore store = new MongoArchiveStore(client.getDatabase("mqchat"));
            store.ensureIndexes();
            TokenMinter minter = new TokenMinter(secret, Clock.systemUTC());
            ArchiveWorker worker = new ArchiveWorker(ArchiveSettings.defaults(), Clock.systemUTC(), store,
                    new BrokerLink("127.0.0.1", port, "1", () -> minter.mintService(ArchiveWorker.SERVICE, TOKEN_TTL)));
            worker.start();
            return new HostedArchiveWorker(mongo, client, worker);
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            mongo.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            worker.close();
        } finally {
            try {
                client.close();
            } finally {
                mongo.close();
            }
        }
    }
}
