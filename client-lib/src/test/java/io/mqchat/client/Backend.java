package io.mqchat.client;

import com.mongodb.client.MongoClient;
import io.mqchat.extension.testing.TestBroker;
import io.mqchat.groups.embedded.EmbeddedMongo;
import io.mqchat.groups.settings.GroupSettings;
import io.mqchat.groups.store.MongoConnector;
import io.mqchat.groups.store.MongoGroupStore;
import io.mqchat.groups.worker.BrokerLink;
import io.mqchat.groups.worker.GroupWorker;
import io.mqchat.presence.embedded.EmbeddedRedis;
import io.mqchat.presence.settings.NotifySettings;
import io.mqchat.presence.settings.PresenceSettings;
import io.mqchat.presence.settings.RedisAddress;
import io.mqchat.presence.worker.PresenceWorker;
import io.mqchat.service.ServiceConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test broker with the workers behind presence and groups, each with its embedded store in a test folder:
 * what a device talks to in production, minus the network. Start one per test class.
 */
final class Backend implements AutoCloseable {

    private final TestBroker broker = TestBroker.start();
    private final Path folder;
    private final List<AutoCloseable> started = new ArrayList<>();

    private Backend(Path folder) {
        this.folder = folder;
    }

    static Backend start(Path folder) {
        return new Backend(folder);
    }

    TestBroker broker() {
        return broker;
    }

    /** Starts Redis and a presence-worker. */
    Backend withPresence() {
        try {
            EmbeddedRedis redis = EmbeddedRedis.start(folder.resolve("redis"), 0);
            started.add(redis);
            ServiceConnection connection = ServiceConnection.builder()
                    .host(broker.host()).port(broker.port())
                    .clientId(PresenceWorker.clientId("1"))
                    .token(() -> broker.serviceToken(PresenceWorker.SERVICE))
                    .build();
            PresenceWorker worker = new PresenceWorker(new PresenceSettings(
                    Optional.of(new RedisAddress(redis.host(), redis.port())), NotifySettings.defaults()),
                    connection, Clock.systemUTC());
            worker.start();
            started.add(worker);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an embedded MongoDB-wire store and a group-worker. */
    Backend withGroups() {
        EmbeddedMongo mongo = EmbeddedMongo.start(folder.resolve("mongo"));
        started.add(mongo);
        MongoClient client = MongoConnector.connect(mongo.connectionString());
        started.add(client);
        MongoGroupStore store = new MongoGroupStore(client.getDatabase("mqchat"), GroupSettings.DEFAULT_MAX_MEMBERS);
        GroupWorker worker = new GroupWorker(GroupSettings.defaults(), Clock.systemUTC(), store,
                new BrokerLink(broker.host(), broker.port(), "1", () -> broker.serviceToken(GroupWorker.SERVICE)));
        worker.start();
        started.add(worker);
        return this;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // closing the rest anyway: the test folder goes away with them
            }
        }
        broker.close();
    }
}
