package io.mqchat.archive;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.mqchat.archive.media.ArchiveMediaAccess;
import io.mqchat.archive.metrics.ArchiveMetrics;
import io.mqchat.archive.settings.ArchiveKeys;
import io.mqchat.archive.settings.ArchiveSettingsMapper;
import io.mqchat.archive.settings.WorkerSettings;
import io.mqchat.archive.store.ArchiveUnavailableException;
import io.mqchat.archive.store.MongoArchiveStore;
import io.mqchat.archive.worker.ArchiveWorker;
import io.mqchat.archive.worker.BrokerLink;
import io.mqchat.config.Config;
import io.mqchat.config.ConfigException;
import io.mqchat.config.ConfigFileLocator;
import io.mqchat.config.ConfigLoader;
import io.mqchat.config.ConfigSchema;
import io.mqchat.config.DurationFormat;
import io.mqchat.extension.auth.TokenVerifier;
import io.mqchat.extension.metrics.HealthCheck;
import io.mqchat.extension.metrics.HealthChecks;
import io.mqchat.extension.metrics.MetricsEndpoint;
import io.mqchat.extension.metrics.MetricsKeys;
import io.mqchat.extension.metrics.MetricsSettings;
import io.mqchat.media.MediaService;
import io.mqchat.media.settings.MediaSettings;
import io.mqchat.mongodb.MongoConnector;
import io.mqchat.service.FeedHealth;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The standalone archive-worker process: {@code java -jar mqchat-archive-worker.jar [--config FILE]}. Reads the
 * config file (else {@code $MQCHAT_CONFIG}, else {@code ./mqchat.properties}) and {@code MQCHAT_*} overrides, needs
 * {@code mongo.uri}, {@code service.token} and, while the media endpoint is on, the broker's token key
 * ({@code jwt.secret} or a JWKS). Hosts the media endpoint on {@code media.port} (default 8090, 0 = off) over the
 * same MongoDB database, serves metrics and health on {@code metrics.port} (default 9403), and stops cleanly on
 * SIGTERM or Ctrl-C. Exit 2 is a configuration problem, 1 a failed start.
 */
public final class ArchiveWorkerMain {

    /** metrics.bind and metrics.port of the standalone worker. */
    public static final MetricsKeys METRICS = MetricsKeys.withDefaultPort(MetricsKeys.ARCHIVE_WORKER_PORT);
    /** Every key the standalone process reads. */
    public static final ConfigSchema SCHEMA = ArchiveKeys.STANDALONE.plus(METRICS.schema());

    private static final String LOGBACK_PROPERTY = "logback.configurationFile";
    private static final int EXIT_CONFIG = 2;
    private static final int EXIT_START = 1;

    private ArchiveWorkerMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOGBACK_PROPERTY) == null) {
            // Before the first logger exists: the MongoDB driver logs every connection at DEBUG otherwise.
            System.setProperty(LOGBACK_PROPERTY, "io/mqchat/archive/worker-logback.xml");
        }
        CountDownLatch stop = new CountDownLatch(1);
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                // Caught rather than left to the JVM, so a clean stop exits with 0 instead of 143.
                Signal.handle(new Signal(name), signal -> stop.countDown());
            } catch (IllegalArgumentException e) {
                // No such signal on this platform.
            }
        }
        // The MQTT client's event loop threads are not daemons and outlive the worker.
        System.exit(run(args, System.getenv(), stop, System.out::println));
    }

    /**
     * Runs the process until {@code stop} opens (what SIGTERM does in {@link #main}).
     *
     * @param ready receives the one start-up line once the worker serves
     * @return the exit status
     */
    static int run(String[] args, Map<String, String> env, CountDownLatch stop, Consumer<String> ready) {
        WorkerSettings settings;
        MetricsSettings metrics;
        TokenVerifier tokens;
        Clock clock = Clock.systemUTC();
        try {
            Path explicit = args.length == 2 && args[0].equals("--config") ? Path.of(args[1]) : null;
            if (args.length != 0 && explicit == null) {
                System.err.println("usage: archive-worker [--config FILE]");
                return EXIT_CONFIG;
            }
            Path file = ConfigFileLocator.locate(explicit, env, Path.of("")).orElse(null);
            Config config = new ConfigLoader(SCHEMA).load(file, env);
            settings = ArchiveSettingsMapper.worker(config);
            metrics = METRICS.settings(config);
            // Here rather than at the first request: a JWKS file that does not parse is a configuration problem.
            tokens = settings.media().enabled() ? new TokenVerifier(settings.jwt(), clock) : null;
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("mqchat archive-worker: " + e.getMessage());
            return EXIT_CONFIG;
        }

        try (MongoClient mongo = MongoConnector.connect(settings.mongoUri())) {
            MongoDatabase database = mongo.getDatabase(settings.database());
            MongoArchiveStore store = new MongoArchiveStore(database);
            try {
                store.ensureIndexes();
            } catch (ArchiveUnavailableException e) {
                LoggerFactory.getLogger(ArchiveWorkerMain.class).warn(
                        "MongoDB is not reachable yet ({}); the feed waits until it is", e.getMessage());
            }
            String token = settings.serviceToken();
            BrokerLink link = new BrokerLink(settings.brokerHost(), settings.brokerPort(), settings.instance(),
                    settings.feeds().lanes(), () -> token);
            MediaSettings mediaSettings = settings.media();
            // Closed in reverse: the media endpoint first, then the worker, then metrics (probes see it go down).
            FeedHealth feeds = new FeedHealth(ArchiveWorker.FEEDS, settings.feeds().stallAfter());
            try (ArchiveWorker worker = new ArchiveWorker(settings.archive(), clock, store, link);
                 MetricsEndpoint endpoint = metrics.off() ? null : MetricsEndpoint.start(metrics, registry(worker, feeds),
                         HealthChecks.of(List.of(new HealthCheck("broker", worker::isConnected),
                                 new HealthCheck("mongodb", () -> mongoAnswers(mongo))), feeds.checks()));
                 MediaService media = mediaSettings.enabled() ? new MediaService(mediaSettings, clock, database,
                         tokens, new ArchiveMediaAccess(store, clock)) : null) {
                // Before the broker connection, so that a taken port fails the start at once.
                if (media != null) {
                    media.start();
                }
                worker.start();
                feeds.watch(worker.feeds());
                ready.accept("mqchat archive-worker ready: broker tcp://" + link.host() + ":" + link.port()
                        + " as instance " + worker.instance() + " (lanes " + link.lanes() + "), mongo "
                        + String.join(",", new ConnectionString(settings.mongoUri()).getHosts()) + "/"
                        + settings.database() + ", expiry sweep every "
                        + DurationFormat.format(settings.archive().sweepInterval())
                        + ", media " + (media == null ? "off" : "http://" + host(mediaSettings.bind()) + ":"
                                + media.port() + "/media")
                        + ", metrics " + (endpoint == null ? "off" : metrics.url(endpoint.port()) + "/metrics"));
                stop.await();
                System.out.println("mqchat archive-worker stopping");
            }
        } catch (IllegalStateException e) {
            System.err.println("mqchat archive-worker cannot start: " + e.getMessage());
            return EXIT_START;
        } catch (UncheckedIOException e) {
            System.err.println("mqchat archive-worker cannot start: " + e.getMessage() + ": "
                    + e.getCause().getMessage());
            return EXIT_START;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("mqchat archive-worker stopped");
        return 0;
    }

    private static PrometheusRegistry registry(ArchiveWorker worker, FeedHealth feeds) {
        PrometheusRegistry registry = new PrometheusRegistry();
        ArchiveMetrics.register(registry, worker.progress());
        feeds.register(registry);
        return registry;
    }

    private static String host(String bind) {
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }

    private static boolean mongoAnswers(MongoClient mongo) {
        // The client gives up selecting a server after 2 s (MongoConnector), so a probe never hangs.
        return mongo.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok") instanceof Number ok
                && ok.doubleValue() == 1.0;
    }
}
