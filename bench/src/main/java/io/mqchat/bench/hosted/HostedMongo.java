package io.mqchat.bench.hosted;

import com.mongodb.client.MongoClient;
import io.mqchat.mongodb.MongoConnector;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The embedded MongoDB-wire store a hosted worker runs on, with the driver's client connected to it, as the all-in-one
 * server starts them. Closing closes the client, then the store.
 */
final class HostedMongo implements AutoCloseable {

    private final EmbeddedMongo mongo;
    private final MongoClient client;

    private HostedMongo(EmbeddedMongo mongo, MongoClient client) {
        this.mongo = mongo;
        this.client = client;
    }

    /**
     * Starts the store in {@code dataFolder}, connects, and starts a worker on it with {@code startWorker}; when that
     * fails, nothing is left running.
     */
    static <W extends AutoCloseable> Hosted<W> start(Path dataFolder, Function<MongoClient, W> startWorker) {
        EmbeddedMongo mongo = EmbeddedMongo.start(dataFolder);
        MongoClient client = null;
        try {
            client = MongoConnector.connect(mongo.connectionString());
            HostedMongo store = new HostedMongo(mongo, client);
            return new Hosted<>(startWorker.apply(client), store);
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
            client.close();
        } finally {
            mongo.close();
        }
    }

    /** A worker and the store it runs on; closing stops the worker, then the store. */
    record Hosted<W extends AutoCloseable>(W worker, HostedMongo store) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            try {
                worker.close();
            } finally {
                store.close();
            }
        }
    }
}
