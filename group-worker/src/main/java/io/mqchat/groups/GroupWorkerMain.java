package io.mqchat.groups;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import io.mqchat.config.Config;
import io.mqchat.config.ConfigException;
import io.mqchat.config.ConfigFileLocator;
import io.mqchat.config.ConfigLoader;
import io.mqchat.config.ConfigSchema;
import io.mqchat.extension.metrics.HealthCheck;
import io.mqchat.extension.metrics.HealthChecks;
import io.mqchat.extension.metrics.MetricsEndpoint;
import io.mqchat.extension.metrics.MetricsKeys;
import io.mqchat.extension.metrics.MetricsSettings;
import io.mqchat.groups.settings.GroupKeys;
import io.mqchat.groups.settings.GroupSettingsMapper;
import io.mqchat.groups.settings.WorkerSettings;
import io.mqchat.groups.store.MongoGroupStore;
import io.mqchat.groups.store.StoreUnavailableException;
import io.mqchat.groups.worker.BrokerLink;
import io.mqchat.groups.worker.GroupWorker;
import io.mqchat.mongodb.MongoConnector;
import io.mqchat.privacy.MongoPrivacyStore;
import io.mqchat.service.FeedHealth;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The standalone group-worker process: {@code java -jar mqchat-group-worker.jar [--config FILE]}. Reads the config
 * file (else {@code $MQCHAT_CONFIG}, else {@code ./mqchat.properties}) and {@code MQCHAT_*} overrides, needs
 * {@code mongo.uri} and {@code service.token}, serves metrics and health on {@code metrics.port} (default 9402),
 * and stops cleanly on SIGTERM or Ctrl-C.
 */
public final class GroupWorkerMain {

    /** metrics.bind and metrics.port of the standalone worker. */
    public static final MetricsKeys METRICS = MetricsKeys.withDefaultPort(MetricsKeys.GROUP_WORKER_PORT);
    /** Every key the standalone process reads. */
    public static final ConfigSchema SCHEMA = GroupKeys.STANDALONE.plus(METRICS.schema());

    private static final String LOGBACK_PROPERTY = "logback.configurationFile";
    private static final int EXIT_CONFIG = 2;
    private static final int EXIT_START = 1;

    private GroupWorkerMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOGBACK_PROPERTY) == null) {
            // Before the first logger exists: the MongoDB driver logs every connection at DEBUG otherwise.
            System.setProperty(LOGBACK_PROPERTY, "io/mqchat/groups/worker-logback.xml");
        }
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        WorkerSettings settings;
        MetricsSettings metrics;
        try {
            Path explicit = args.length == 2 && args[0].equals("--config") ? Path.of(args[1]) : null;
            if (args.length != 0 && explicit == null) {
                System.err.println("usage: group-worker [--config FILE]");
                return EXIT_CONFIG;
            }
            Path file = ConfigFileLocator.locate(explicit, env, Path.of("")).orElse(null);
            Config config = new ConfigLoader(SCHEMA).load(file, env);
            settings = GroupSettingsMapper.worker(config);
            metrics = METRICS.settings(config);
        } catch (ConfigException e) {
            System.err.println("mqchat group-worker: " + e.getMessage());
            return EXIT_CONFIG;
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
        String uri = settings.groups().mongoUri();
        AtomicBoolean serving = new AtomicBoolean();
        FeedHealth feeds = new FeedHealth(GroupWorker.FEEDS, settings.feeds().stallAfter());
        PrometheusRegistry registry = new PrometheusRegistry();
        feeds.register(registry);
        try (MongoClient mongo = MongoConnector.connect(uri);
             MetricsEndpoint endpoint = metrics.off() ? null : MetricsEndpoint.start(metrics, registry,
                     HealthChecks.of(List.of(new HealthCheck("broker", serving::get),
                             new HealthCheck("mongodb", () -> mongoAnswers(mongo))), feeds.checks()))) {
            MongoGroupStore store = new MongoGroupStore(mongo.getDatabase(settings.groups().database()),
                    settings.groups().maxMembers());
            try {
                store.ensureIndexes();
            } catch (StoreUnavailableException e) {
                LoggerFactory.getLogger(GroupWorkerMain.class).warn("MongoDB is not reachable yet ({}); group messages wait until it is", e.getMessage());
            }
            String token = settings.serviceToken();
            BrokerLink link = new BrokerLink(settings.brokerHost(), settings.brokerPort(), settings.instance(),
                    settings.feeds().lanes(), () -> token);
            try (GroupWorker worker = new GroupWorker(settings.groups(), Clock.systemUTC(), store,
                    new MongoPrivacyStore(mongo.getDatabase(settings.groups().database())), link)) {
                worker.start();
                feeds.watch(worker.feeds());
                serving.set(true);
                System.out.println("mqchat group-worker ready: broker tcp://" + link.host() + ":" + link.port()
                        + " as " + worker.clientId() + " (lanes " + link.lanes() + "), mongo " + String.join(",", new ConnectionString(uri).getHosts())
                        + "/" + settings.groups().database() + ", max members " + settings.groups().maxMembers()
                        + ", metrics " + (endpoint == null ? "off" : metrics.url(endpoint.port()) + "/metrics"));
                stop.await();
                System.out.println("mqchat group-worker stopping");
                serving.set(false);
            }
        } catch (IllegalStateException e) {
            System.err.println("mqchat group-worker cannot start: " + e.getMessage());
            return EXIT_START;
        } catch (UncheckedIOException e) {
            System.err.println("mqchat group-worker cannot start: " + e.getMessage() + ": " + e.getCause().getMessage());
            return EXIT_START;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("mqchat group-worker stopped");
        return 0;
    }

    private static boolean mongoAnswers(MongoClient mongo) {
        // The client gives up selecting a server after 2 s (MongoConnector), so a probe never hangs.
        return mongo.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok") instanceof Number ok
                && ok.doubleValue() == 1.0;
    }
}
