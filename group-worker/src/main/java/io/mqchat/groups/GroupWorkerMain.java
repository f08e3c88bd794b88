package io.mqchat.groups;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import io.mqchat.config.ConfigException;
import io.mqchat.config.ConfigFileLocator;
import io.mqchat.config.ConfigLoader;
import io.mqchat.groups.settings.GroupKeys;
import io.mqchat.groups.settings.GroupSettingsMapper;
import io.mqchat.groups.settings.WorkerSettings;
import io.mqchat.groups.store.MongoConnector;
import io.mqchat.groups.store.MongoGroupStore;
import io.mqchat.groups.store.StoreUnavailableException;
import io.mqchat.groups.worker.BrokerLink;
import io.mqchat.groups.worker.GroupWorker;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The standalone group-worker process: {@code java -jar mqchat-group-worker.jar [--config FILE]}. Reads the config
 * file (else {@code $MQCHAT_CONFIG}, else {@code ./mqchat.properties}) and {@code MQCHAT_*} overrides, needs
 * {@code mongo.uri} and {@code service.token}, and stops cleanly on SIGTERM or Ctrl-C.
 */
public final class GroupWorkerMain {

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
        try {
            Path explicit = args.length == 2 && args[0].equals("--config") ? Path.of(args[1]) : null;
            if (args.length != 0 && explicit == null) {
                System.err.println("usage: group-worker [--config FILE]");
                return EXIT_CONFIG;
            }
            Path file = ConfigFileLocator.locate(explicit, env, Path.of("")).orElse(null);
            settings = GroupSettingsMapper.worker(new ConfigLoader(GroupKeys.STANDALONE).load(file, env));
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
        try (MongoClient mongo = MongoConnector.connect(uri)) {
            MongoGroupStore store = new MongoGroupStore(mongo.getDatabase(settings.groups().database()),
                    settings.groups().maxMembers());
            try {
                store.ensureIndexes();
            } catch (StoreUnavailableException e) {
                LoggerFactory.getLogger(GroupWorkerMain.class).warn("MongoDB is not reachable yet ({}); group messages wait until it is", e.getMessage());
            }
            String token = settings.serviceToken();
            BrokerLink link = new BrokerLink(settings.brokerHost(), settings.brokerPort(), settings.instance(),
                    () -> token);
            try (GroupWorker worker = new GroupWorker(settings.groups(), Clock.systemUTC(), store, link)) {
                worker.start();
                System.out.println("mqchat group-worker ready: broker tcp://" + link.host() + ":" + link.port()
                        + " as " + worker.clientId() + ", mongo " + String.join(",", new ConnectionString(uri).getHosts())
                        + "/" + settings.groups().database() + ", max members " + settings.groups().maxMembers());
                stop.await();
            }
        } catch (IllegalStateException e) {
            System.err.println("mqchat group-worker cannot start: " + e.getMessage());
            return EXIT_START;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("mqchat group-worker stopped");
        return 0;
    }
}
