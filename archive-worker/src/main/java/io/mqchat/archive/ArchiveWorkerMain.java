package io.mqchat.archive;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import io.mqchat.archive.settings.ArchiveKeys;
import io.mqchat.archive.settings.ArchiveSettingsMapper;
import io.mqchat.archive.settings.WorkerSettings;
import io.mqchat.archive.store.ArchiveUnavailableException;
import io.mqchat.archive.store.MongoArchiveStore;
import io.mqchat.archive.worker.ArchiveWorker;
import io.mqchat.archive.worker.BrokerLink;
import io.mqchat.config.ConfigException;
import io.mqchat.config.ConfigFileLocator;
import io.mqchat.config.ConfigLoader;
import io.mqchat.config.DurationFormat;
import io.mqchat.groups.store.MongoConnector;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The standalone archive-worker process: {@code java -jar mqchat-archive-worker.jar [--config FILE]}. Reads the
 * config file (else {@code $MQCHAT_CONFIG}, else {@code ./mqchat.properties}) and {@code MQCHAT_*} overrides, needs
 * {@code mongo.uri} and {@code service.token}, and stops cleanly on SIGTERM or Ctrl-C.
 */
public final class ArchiveWorkerMain {

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
        // The MQTT client's event loop threads are not daemons and outlive the worker.
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        WorkerSettings settings;
        try {
            Path explicit = args.length == 2 && args[0].equals("--config") ? Path.of(args[1]) : null;
            if (args.length != 0 && explicit == null) {
                System.err.println("usage: archive-worker [--config FILE]");
                return EXIT_CONFIG;
            }
            Path file = ConfigFileLocator.locate(explicit, env, Path.of("")).orElse(null);
            settings = ArchiveSettingsMapper.worker(new ConfigLoader(ArchiveKeys.STANDALONE).load(file, env));
        } catch (ConfigException e) {
            System.err.println("mqchat archive-worker: " + e.getMessage());
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
        try (MongoClient mongo = MongoConnector.connect(settings.mongoUri())) {
            MongoArchiveStore store = new MongoArchiveStore(mongo.getDatabase(settings.database()));
            try {
                store.ensureIndexes();
            } catch (ArchiveUnavailableException e) {
                LoggerFactory.getLogger(ArchiveWorkerMain.class).warn(
                        "MongoDB is not reachable yet ({}); the feed waits until it is", e.getMessage());
            }
            String token = settings.serviceToken();
            BrokerLink link = new BrokerLink(settings.brokerHost(), settings.brokerPort(), settings.instance(),
                    () -> token);
            try (ArchiveWorker worker = new ArchiveWorker(settings.archive(), Clock.systemUTC(), store, link)) {
                worker.start();
                System.out.println("mqchat archive-worker ready: broker tcp://" + link.host() + ":" + link.port()
                        + " as " + worker.clientId() + ", mongo "
                        + String.join(",", new ConnectionString(settings.mongoUri()).getHosts()) + "/"
                        + settings.database() + ", expiry sweep every "
                        + DurationFormat.format(settings.archive().sweepInterval()));
                stop.await();
            }
        } catch (IllegalStateException e) {
            System.err.println("mqchat archive-worker cannot start: " + e.getMessage());
            return EXIT_START;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("mqchat archive-worker stopped");
        return 0;
    }
}
