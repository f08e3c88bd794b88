package io.mqchat.client;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.mqchat.archive.media.ArchiveMediaAccess;
import io.mqchat.archive.settings.ArchiveSettings;
import io.mqchat.archive.store.MongoArchiveStore;
import io.mqchat.archive.worker.ArchiveWorker;
import io.mqchat.extension.auth.TokenVerifier;
import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.config.JwtConfig;
import io.mqchat.extension.testing.TestBroker;
import io.mqchat.groups.settings.GroupSettings;
import io.mqchat.groups.store.MongoGroupStore;
import io.mqchat.groups.worker.BrokerLink;
import io.mqchat.groups.worker.GroupWorker;
import io.mqchat.media.MediaService;
import io.mqchat.media.settings.MediaSettings;
import io.mqchat.mongodb.MongoConnector;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import io.mqchat.presence.embedded.EmbeddedRedis;
import io.mqchat.presence.settings.NotifySettings;
import io.mqchat.presence.settings.PresenceSettings;
import io.mqchat.presence.settings.RedisAddress;
import io.mqchat.presence.store.NotificationMutes;
import io.mqchat.presence.store.PresenceStore;
import io.mqchat.presence.store.PushTokens;
import io.mqchat.presence.store.RedisNotificationMutes;
import io.mqchat.presence.store.RedisPresenceStore;
import io.mqchat.presence.store.RedisPushTokens;
import io.mqchat.presence.worker.PresenceWorker;
import io.mqchat.privacy.MongoPrivacyStore;
import io.mqchat.service.LaneSet;
import io.mqchat.service.ServiceConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import redis.clients.jedis.UnifiedJedis;

/**
 * A test broker with the workers behind presence, groups and history and the media endpoint, each with its
 * embedded store in a test folder (groups, the archive and media share one MongoDB-wire store, as in the all-in-one
 * server): what a device talks to in production, minus the network. Start one per test class. Published in this
 * module's test-jar for the modules built on the client library (the terminal client).
 */
public final class Backend implements AutoCloseable {

    private final TestBroker broker;
    private final Path folder;
    private final List<AutoCloseable> started = new ArrayList<>();
    private MongoDatabase database;
    private MongoArchiveStore archiveStore;
    private MediaService media;
    private RedisAddress redis;

    private Backend(Path folder, TestBroker broker) {
        this.folder = folder;
        this.broker = broker;
    }

    public static Backend start(Path folder) {
        return new Backend(folder, TestBroker.start());
    }

    /** A backend whose broker's extension configuration {@code customize} adjusts, e.g. a small queue limit. */
    public static Backend start(Path folder, UnaryOperator<ExtensionConfig> customize) {
        return new Backend(folder, TestBroker.start(customize));
    }

    public TestBroker broker() {
        return broker;
    }

    /** Starts Redis and a presence-worker. */
    public Backend withPresence() {
        return withPresence(NotifySettings.defaults());
    }

    /** Starts Redis and a presence-worker that notifies as {@code notify} says, e.g. to a webhook of the test's. */
    public Backend withPresence(NotifySettings notify) {
        try {
            EmbeddedRedis server = EmbeddedRedis.start(folder.resolve("redis"), 0);
            started.add(server);
            redis = new RedisAddress(server.host(), server.port(), server.password());
            PresenceWorker worker = new PresenceWorker(new PresenceSettings(Optional.of(redis), notify),
                    clientId -> ServiceConnection.builder().host(broker.host()).port(broker.port()).clientId(clientId)
                            .token(() -> broker.serviceToken(PresenceWorker.SERVICE)).build(),
                    LaneSet.everyLane(), Clock.systemUTC());
            worker.start();
            started.add(worker);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The push tokens the presence-worker stored, read from its Redis ({@link #withPresence()} first). */
    public PushTokens pushTokens() {
        return new RedisPushTokens(presenceRedis());
    }

    /** The conversations users muted, read from the presence-worker's Redis ({@link #withPresence()} first). */
    public NotificationMutes notificationMutes() {
        return new RedisNotificationMutes(presenceRedis());
    }

    /** Who is online as the presence-worker stored it ({@link #withPresence()} first). */
    public PresenceStore presence() {
        return new RedisPresenceStore(presenceRedis());
    }

    /** A client of the presence-worker's Redis, closed with the backend. */
    private UnifiedJedis presenceRedis() {
        if (redis == null) {
            throw new IllegalStateException("no presence-worker: call withPresence() first");
        }
        UnifiedJedis jedis = redis.client(2000);
        started.add(jedis);
        return jedis;
    }

    /** Starts a group-worker (and the MongoDB-wire store, if no other worker started it yet). */
    public Backend withGroups() {
        MongoGroupStore store = new MongoGroupStore(database(), GroupSettings.DEFAULT_MAX_MEMBERS);
        GroupWorker worker = new GroupWorker(GroupSettings.defaults(), Clock.systemUTC(), store,
                new MongoPrivacyStore(database()),
                new BrokerLink(broker.host(), broker.port(), "1", () -> broker.serviceToken(GroupWorker.SERVICE)));
        worker.start();
        started.add(worker);
        return this;
    }

    /** Starts an archive-worker (and the MongoDB-wire store, if no other worker started it yet). */
    public Backend withArchive() {
        return withArchive(ArchiveSettings.defaults());
    }

    /** {@link #withArchive()} with settings of the test's own, e.g. a small page-max-bytes. */
    public Backend withArchive(ArchiveSettings settings) {
        ArchiveWorker worker = new ArchiveWorker(settings, Clock.systemUTC(),
                archiveStore(), new io.mqchat.archive.worker.BrokerLink(broker.host(),
                broker.port(), "1", () -> broker.serviceToken(ArchiveWorker.SERVICE)));
        worker.start();
        started.add(worker);
        return this;
    }

    /**
     * Starts the media endpoint as the all-in-one server does: over the shared store, verifying the broker's tokens,
     * with the archive deciding who may download an image (so start the archive-worker too: without it only
     * uploaders may).
     */
    public Backend withMedia() {
        // Port 0 would switch the endpoint off (media.port=0), so it gets a free port of its own.
        media = new MediaService(MediaSettings.defaults().withPort(freePort()), Clock.systemUTC(), database(),
                new TokenVerifier(JwtConfig.hmac(TestBroker.SECRET), Clock.systemUTC()),
                new ArchiveMediaAccess(archiveStore(), Clock.systemUTC()));
        media.start();
        started.add(media);
        return this;
    }

    /** Where the media endpoint listens, for {@link MqchatClientBuilder#mediaUri}. */
    public URI mediaUri() {
        if (media == null) {
            throw new IllegalStateException("start the backend withMedia()");
        }
        return URI.create("http://127.0.0.1:" + media.port());
    }

    /** The archive's store, over the shared database: one for the archive-worker and the media endpoint. */
    private MongoArchiveStore archiveStore() {
        if (archiveStore == null) {
            archiveStore = new MongoArchiveStore(database());
        }
        return archiveStore;
    }

    /** The one embedded MongoDB-wire store of this backend, started on first use. */
    public MongoDatabase database() {
        if (database == null) {
            EmbeddedMongo mongo = EmbeddedMongo.start(folder.resolve("mongo"));
            started.add(mongo);
            MongoClient client = MongoConnector.connect(mongo.connectionString());
            started.add(client);
            database = client.getDatabase("mqchat");
        }
        return database;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
