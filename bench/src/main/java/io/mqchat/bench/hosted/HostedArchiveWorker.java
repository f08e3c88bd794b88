package io.mqchat.bench.hosted;

import io.mqchat.archive.settings.ArchiveSettings;
import io.mqchat.archive.store.MongoArchiveStore;
import io.mqchat.archive.worker.ArchiveWorker;
import io.mqchat.archive.worker.BrokerLink;
import io.mqchat.extension.auth.TokenMinter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * One archive-worker beside the mqchat broker under test, in the broker's process, wired as the all-in-one server
 * wires it: the embedded MongoDB-wire store, a service token of its own, MQTT connections to the broker on loopback.
 * With it the broker's archive feed finds its subscriber, so every routed message is also queued for and stored by
 * the archive, and the worker's CPU counts as the broker process's.
 */
final class HostedArchiveWorker {

    private static final Duration TOKEN_TTL = Duration.ofHours(12);

    private HostedArchiveWorker() {
    }

    /**
     * Starts the store in {@code dataFolder} and a worker connected to the broker on {@code port}. Closing the result
     * stops the worker, then the store.
     */
    static AutoCloseable start(Path dataFolder, int port, String secret) {
        return HostedMongo.start(dataFolder, client -> {
            MongoArchiveStore store = new MongoArchiveStore(client.getDatabase("mqchat"));
            store.ensureIndexes();
            TokenMinter minter = new TokenMinter(secret, Clock.systemUTC());
            ArchiveWorker worker = new ArchiveWorker(ArchiveSettings.defaults(), Clock.systemUTC(), store,
                    new BrokerLink("127.0.0.1", port, "1", () -> minter.mintService(ArchiveWorker.SERVICE, TOKEN_TTL)));
            worker.start();
            return worker;
        });
    }
}
