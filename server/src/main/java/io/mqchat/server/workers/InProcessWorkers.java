package io.mqchat.server.workers;

import com.mongodb.client.MongoClient;
import io.mqchat.archive.media.ArchiveMediaAccess;
import io.mqchat.archive.store.ArchiveUnavailableException;
import io.mqchat.archive.store.MongoArchiveStore;
import io.mqchat.archive.worker.ArchiveWorker;
import io.mqchat.config.DurationFormat;
import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.extension.auth.TokenVerifier;
import io.mqchat.extension.config.InternalServiceKey;
import io.mqchat.extension.config.JwtConfig;
import io.mqchat.groups.store.MongoGroupStore;
import io.mqchat.groups.store.StoreUnavailableException;
import io.mqchat.groups.worker.BrokerLink;
import io.mqchat.groups.worker.GroupWorker;
import io.mqchat.media.MediaService;
import io.mqchat.media.web.WebApp;
import io.mqchat.mongodb.MongoConnector;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import io.mqchat.presence.embedded.EmbeddedRedis;
import io.mqchat.presence.settings.NotifySettings;
import io.mqchat.presence.settings.RedisAddress;
import io.mqchat.presence.worker.PresenceWorker;
import io.mqchat.privacy.MongoPrivacyStore;
import io.mqchat.server.settings.LocalAddress;
import io.mqchat.server.settings.ServerSettings;
import io.mqchat.service.FeedLanes;
import io.mqchat.service.LaneSet;
import io.mqchat.service.ServiceConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers the all-in-one server runs in its own JVM, each an MQTT client of the embedded broker with a
 * service token minted from the run's internal service key, exactly as a standalone worker would be. Where no Redis or
 * MongoDB address is configured, it starts an embedded Redis server and an embedded MongoDB-wire store in the
 * data folder, so that {@code mqchat run} works on a bare machine.
 */
public final class InProcessWorkers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessWorkers.class);
    private static final Duration SERVICE_TOKEN_TTL = Duration.ofHours(1);
    private static final String INSTANCE = "server";
    /** Every feed the in-process workers consume. */
    public static final List<String> FEEDS = Stream.of(PresenceWorker.FEEDS, GroupWorker.FEEDS, ArchiveWorker.FEEDS)
            .flatMap(List::stream).toList();

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final List<String> summary = new ArrayList<>();
    // What the metrics and health endpoint looks at (server.observability).
    private RedisAddress redis;
    private MongoClient mongo;
    private PresenceWorker presence;
    private GroupWorker groups;
    private ArchiveWorker archive;

    private InProcessWorkers() {
    }

    /**
     * Starts the stores that are not configured and the workers; on failure stops what already started.
     *
     * @param serviceKey signs the workers' service tokens; the broker must accept it ({@link JwtConfig#serviceKey})
     * @throws IllegalStateException when a worker cannot start
     */
    public static InProcessWorkers start(ServerSettings settings, InternalServiceKey serviceKey, Clock clock) {
        InProcessWorkers workers = new InProcessWorkers();
        try {
            workers.startAll(settings, serviceKey, clock);
            return workers;
        } catch (RuntimeException e) {
            workers.close();
            throw e;
        }
    }

    /** The presence-worker's Redis (embedded or configured), for the readiness check. */
    public RedisAddress redis() {
        return redis;
    }

    /** The group-worker's MongoDB client, for the readiness check. */
    public MongoClient mongo() {
        return mongo;
    }

    /** The in-process presence-worker, for its metrics. */
    public PresenceWorker presence() {
        return presence;
    }

    /** The in-process archive-worker, for its metrics. */
    public ArchiveWorker archive() {
        return archive;
    }

    /** The feeds of every in-process worker, for their lag (metrics and readiness). */
    public List<FeedLanes> feeds() {
        List<FeedLanes> feeds = new ArrayList<>(presence.feeds());
        feeds.addAll(groups.feeds());
        feeds.addAll(archive.feeds());
        return feeds;
    }

    /** One line per worker saying where its store is, for the start-up output. */
    public List<String> summary() {
        return List.copyOf(summary);
    }

    private void startAll(ServerSettings settings, InternalServiceKey serviceKey, Clock clock) {
        JwtConfig jwt = settings.extension().jwt();
        TokenMinter minter = new TokenMinter(serviceKey.secret(), jwt.issuer(), jwt.audience(), clock);
        String host = LocalAddress.of(settings.broker().bindAddress());
        int port = settings.broker().mqttPort();
        Path dataDir = settings.dataDir();

        RedisAddress redis = settings.presence().redis().orElseGet(() -> startEmbeddedRedis(dataDir.resolve("redis")));
        Supplier<String> presenceToken = () -> minter.mintService(PresenceWorker.SERVICE, SERVICE_TOKEN_TTL);
        PresenceWorker presence = new PresenceWorker(settings.presence().withRedis(redis), clientId -> ServiceConnection
                .builder().host(host).port(port).clientId(clientId).token(presenceToken).build(), LaneSet.everyLane(), clock);
        running.push(presence);
        presence.start();
        this.redis = redis;
        this.presence = presence;
        summary.add("presence-worker: redis " + redis + (settings.presence().redis().isEmpty() ? " (embedded)" : ""));
        summary.add("notifications: " + sinkOf(settings.presence().notifications()));

        String mongoUri = settings.groups().mongo().orElseGet(() -> startEmbeddedMongo(dataDir.resolve("mongo")));
        MongoClient mongo = MongoConnector.connect(mongoUri);
        running.push(mongo);
        this.mongo = mongo;
        MongoGroupStore store = new MongoGroupStore(mongo.getDatabase(settings.groups().database()),
                settings.groups().maxMembers());
        try {
            store.ensureIndexes();
        } catch (StoreUnavailableException e) {
            log.warn("MongoDB is not reachable yet ({}); group messages wait until it is", e.getMessage());
        }
        BrokerLink link = new BrokerLink(host, port, INSTANCE,
                () -> minter.mintService(GroupWorker.SERVICE, SERVICE_TOKEN_TTL));
        GroupWorker groups = new GroupWorker(settings.groups(), clock, store,
                new MongoPrivacyStore(mongo.getDatabase(settings.groups().database())), link);
        running.push(groups);
        groups.start();
        this.groups = groups;
        summary.add("group-worker: mongodb " + (settings.groups().mongo().isEmpty() ? "embedded (in the data folder)"
                : "as configured") + ", at most " + settings.groups().maxMembers() + " members per group");

        startArchive(settings, clock, mongo, () -> minter.mintService(ArchiveWorker.SERVICE, SERVICE_TOKEN_TTL),
                host, port);
    }

    /** The archive-worker, on the group-worker's MongoDB and database (the archive keeps its own collections). */
    private void startArchive(ServerSettings settings, Clock clock, MongoClient mongo, Supplier<String> token,
                              String host, int port) {
        MongoArchiveStore store = new MongoArchiveStore(mongo.getDatabase(settings.groups().database()));
        try {
            store.ensureIndexes();
        } catch (ArchiveUnavailableException e) {
            log.warn("MongoDB is not reachable yet ({}); the archive feed waits until it is", e.getMessage());
        }
        ArchiveWorker archive = new ArchiveWorker(settings.archive(), clock, store,
                new io.mqchat.archive.worker.BrokerLink(host, port, INSTANCE, token));
        running.push(archive);
        archive.start();
        this.archive = archive;
        summary.add("archive-worker: mongodb " + (settings.groups().mongo().isEmpty() ? "embedded (in the data folder)"
                : "as configured") + ", disappeared messages swept every "
                + DurationFormat.format(settings.archive().sweepInterval()));
        startMedia(settings, clock, mongo, store);
    }

    /** The media endpoint, beside the archive that says who may download an image. */
    private void startMedia(ServerSettings settings, Clock clock, MongoClient mongo, MongoArchiveStore archive) {
        if (!settings.media().enabled()) {
            summary.add("media endpoint: off (media.port=0)");
            return;
        }
        JwtConfig jwt = settings.extension().jwt();
        // Development sign-in only on the generated development secret: with jwt.* configured it does not exist.
        // Nor when the endpoint listens beyond loopback: anyone who reaches it could sign in as anyone.
        boolean loopback = isLoopback(settings.media().bind());
        Optional<TokenMinter> devTokens = settings.devSecretFile().filter(file -> loopback)
                .map(file -> new TokenMinter(jwt.hmacSecret(), jwt.issuer(), jwt.audience(), clock));
        if (settings.devSecretFile().isPresent() && !loopback) {
            summary.add("warning: development sign-in is off: media.bind " + settings.media().bind()
                    + " is not a loopback address (sign in with tokens: mqchat token <user>)");
        }
        WebApp web = new WebApp(settings.media().webMqttUrl(), settings.broker().websocketPort(),
                settings.broker().websocketPath(), devTokens);
        MediaService media = new MediaService(settings.media(), clock, mongo.getDatabase(settings.groups().database()),
                new TokenVerifier(jwt, clock), new ArchiveMediaAccess(archive, clock), web);
        running.push(media);
        media.start();
        summary.add("media endpoint: http://" + settings.media().bind() + ":" + media.port() + "/media, images up to "
                + settings.media().maxBytes() / (1024 * 1024) + " MiB, kept while a message shares them");
        summary.add("web app: http://" + settings.media().bind() + ":" + media.port() + "/"
                + (devTokens.isPresent() ? " (development sign-in: any user name)" : ""));
    }

    private static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private RedisAddress startEmbeddedRedis(Path folder) {
        try {
            EmbeddedRedis redis = EmbeddedRedis.start(folder, 0);
            running.push(redis);
            return new RedisAddress(redis.host(), redis.port(), redis.password());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Redis server in " + folder, e);
        }
    }

    private String startEmbeddedMongo(Path folder) {
        EmbeddedMongo mongo = EmbeddedMongo.start(folder);
        running.push(mongo);
        return mongo.connectionString();
    }

    /** The notification sink in a few words; a webhook by its host alone, since its path or query may hold a key. */
    private static String sinkOf(NotifySettings notify) {
        return notify.webhook().map(webhook -> "webhook to " + webhook.url().getHost()
                        + (webhook.url().getPort() == -1 ? "" : ":" + webhook.url().getPort())
                        + (webhook.signer().isPresent() ? ", signed" : ", unsigned"))
                .orElse("log sink, one log line each (notify.sink=webhook posts them to a push gateway)")
                + (notify.fcm().isPresent() ? "; and FCM for devices with FCM tokens" : "")
                + (notify.apns().isPresent() ? "; and APNs for devices with APNs tokens" : "");
    }

    /** Stops the workers first (their unhandled messages stay in their sessions), then the stores. */
    @Override
    public void close() {
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("could not stop {} cleanly", next.getClass().getSimpleName(), e);
            }
        }
    }
}
