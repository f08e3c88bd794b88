package io.mqchat.server.observability;

import com.mongodb.client.MongoClient;
import io.mqchat.archive.metrics.ArchiveMetrics;
import io.mqchat.extension.embedded.EmbeddedBroker;
import io.mqchat.extension.metrics.HealthCheck;
import io.mqchat.extension.metrics.HealthChecks;
import io.mqchat.extension.metrics.MetricsEndpoint;
import io.mqchat.extension.metrics.MetricsSettings;
import io.mqchat.presence.metrics.PresenceMetrics;
import io.mqchat.presence.settings.RedisAddress;
import io.mqchat.server.workers.InProcessWorkers;
import io.mqchat.service.FeedHealth;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import redis.clients.jedis.Jedis;

/**
 * The all-in-one server's metrics and health endpoint ({@link MetricsEndpoint}). It serves from before the broker
 * starts, so that a probe sees "not ready" during start-up rather than a refused connection:
 * <ul>
 *   <li>metrics: HiveMQ's registry with mqchat's counters, once the broker runs, and the in-process workers';</li>
 *   <li>ready: the broker runs with the extension, Redis answers a PING and MongoDB a ping, checked per request.</li>
 * </ul>
 */
public final class ServerObservability implements AutoCloseable {

    private static final int REDIS_TIMEOUT_MILLIS = 1_000;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final MetricsEndpoint endpoint;
    private volatile EmbeddedBroker broker;
    private volatile InProcessWorkers workers;

    private final FeedHealth feeds;

    private ServerObservability(MetricsSettings settings, Duration stallAfter) {
        this.feeds = new FeedHealth(InProcessWorkers.FEEDS, stallAfter);
        feeds.register(registry);
        this.endpoint = settings.off() ? null : MetricsEndpoint.start(settings, registry, HealthChecks.of(List.of(
                new HealthCheck("broker", () -> broker != null && broker.extension().isServing()),
                new HealthCheck("redis", () -> workers != null && redisAnswers(workers.redis())),
                new HealthCheck("mongodb", () -> workers != null && mongoAnswers(workers.mongo()))),
                feeds.checks()));
    }

    /**
     * Serves at once, not ready until {@link #brokerStarted} and {@link #workersStarted}.
     *
     * @param stallAfter how long a worker feed may have work waiting before readiness fails
     * @throws java.io.UncheckedIOException when the port is taken
     */
    public static ServerObservability start(MetricsSettings settings, Duration stallAfter) {
        return new ServerObservability(settings, stallAfter);
    }

    /** The endpoint's base URL, empty when metrics.port is 0. */
    public Optional<String> url(MetricsSettings settings) {
        return Optional.ofNullable(endpoint).map(e -> settings.url(e.port()));
    }

    /** Exposes the broker's registry (HiveMQ's metrics and mqchat's) from now on. */
    public void brokerStarted(EmbeddedBroker started) {
        DropwizardExports.builder().dropwizardRegistry(started.metrics()).register(registry);
        this.broker = started;
    }

    /** Exposes the in-process workers' figures and checks their stores from now on. */
    public void workersStarted(InProcessWorkers started) {
        PresenceMetrics.register(registry, started.presence());
        ArchiveMetrics.register(registry, started.archive().progress());
        feeds.watch(started.feeds());
        this.workers = started;
    }

    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private static boolean redisAnswers(RedisAddress address) {
        try (Jedis redis = new Jedis(address.hostAndPort(), address.clientConfig(REDIS_TIMEOUT_MILLIS))) {
            return "PONG".equals(redis.ping());
        }
    }

    private static boolean mongoAnswers(MongoClient mongo) {
        // The client gives up selecting a server after 2 s (MongoConnector), so a probe never hangs.
        return mongo.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok") instanceof Number ok
                && ok.doubleValue() == 1.0;
    }
}
