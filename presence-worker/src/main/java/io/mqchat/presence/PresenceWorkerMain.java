package io.mqchat.presence;

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
import io.mqchat.presence.metrics.PresenceMetrics;
import io.mqchat.presence.settings.BrokerConnectionSettings;
import io.mqchat.presence.settings.PresenceKeys;
import io.mqchat.presence.settings.PresenceSettingsMapper;
import io.mqchat.presence.settings.PresenceSettingsMapper.StandaloneSettings;
import io.mqchat.presence.settings.RedisAddress;
import io.mqchat.presence.worker.PresenceWorker;
import io.mqchat.service.FeedHealth;
import io.mqchat.service.ServiceConnection;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;

/**
 * The standalone presence-worker process ({@code java -jar mqchat-presence-worker.jar [--config FILE]}):
 * {@code --config FILE}, else {@code $MQCHAT_CONFIG}, else {@code ./mqchat.properties} if present, plus
 * {@code MQCHAT_*} environment overrides. Serves metrics and health on {@code metrics.port} (default 9401). Runs
 * until SIGTERM or Ctrl-C, then stops cleanly with exit code 0. Exit code 2 means a configuration problem, 1 a
 * failed start.
 */
public final class PresenceWorkerMain {

    /** metrics.bind and metrics.port of the standalone worker. */
    public static final MetricsKeys METRICS = MetricsKeys.withDefaultPort(MetricsKeys.PRESENCE_WORKER_PORT);
    /** Every key the standalone process reads. */
    public static final ConfigSchema SCHEMA = PresenceKeys.STANDALONE_SCHEMA.plus(METRICS.schema());

    private static final int REDIS_PROBE_TIMEOUT_MILLIS = 1_000;

    private PresenceWorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        StandaloneSettings settings;
        MetricsSettings metrics;
        try {
            Path file = ConfigFileLocator.locate(explicitConfig(args), env, Path.of("")).orElse(null);
            Config config = new ConfigLoader(SCHEMA).load(file, env);
            settings = PresenceSettingsMapper.mapStandalone(config);
            metrics = METRICS.settings(config);
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("mqchat presence-worker: " + e.getMessage());
            System.exit(2);
            return;
        }
        Termination termination = Termination.install();
        BrokerConnectionSettings broker = settings.broker();
        RedisAddress redis = settings.presence().redis().orElseThrow();
        PresenceWorker worker = new PresenceWorker(settings.presence(), clientId -> ServiceConnection.builder()
                .host(broker.host()).port(broker.port()).clientId(clientId).token(broker::token).build(),
                broker.feeds().lanes(), Clock.systemUTC());
        FeedHealth feeds = new FeedHealth(PresenceWorker.FEEDS, broker.feeds().stallAfter());
        MetricsEndpoint endpoint = null;
        try {
            // Up before the broker connection, so that probes see "not ready" instead of nothing while it connects.
            endpoint = metrics.off() ? null : MetricsEndpoint.start(metrics, registry(worker, feeds),
                    HealthChecks.of(List.of(new HealthCheck("broker", worker::isConnected),
                            new HealthCheck("redis", () -> redisAnswers(redis))), feeds.checks()));
            worker.start();
            feeds.watch(worker.feeds());
        } catch (RuntimeException e) {
            System.err.println("mqchat presence-worker: cannot start: " + e.getMessage()
                    + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
            worker.close();
            if (endpoint != null) {
                endpoint.close();
            }
            System.exit(1);
            return;
        }
        System.out.println("mqchat presence-worker ready: broker " + broker.host() + ":" + broker.port()
                + " as instance " + broker.instance() + " (lanes " + broker.feeds().lanes() + "), redis " + redis
                + ", notifications " + settings.presence().notifications().webhook()
                        .map(webhook -> "webhook " + webhook.url().getHost()).orElse("log")
                + ", metrics " + (endpoint == null ? "off" : metrics.url(endpoint.port()) + "/metrics"));
        termination.await();
        System.out.println("mqchat presence-worker stopping");
        worker.close();
        if (endpoint != null) {
            endpoint.close();
        }
        System.out.println("mqchat presence-worker stopped");
        // The MQTT client's event-loop thread is not a daemon and outlives the disconnect by a while.
        System.exit(0);
    }

    private static PrometheusRegistry registry(PresenceWorker worker, FeedHealth feeds) {
        PrometheusRegistry registry = new PrometheusRegistry();
        feeds.register(registry);
        PresenceMetrics.register(registry, worker);
        return registry;
    }

    private static boolean redisAnswers(RedisAddress address) {
        try (Jedis redis = new Jedis(address.hostAndPort(), address.clientConfig(REDIS_PROBE_TIMEOUT_MILLIS))) {
            return "PONG".equals(redis.ping());
        }
    }

    private static Path explicitConfig(String[] args) {
        if (args.length == 0) {
            return null;
        }
        if (args.length == 2 && args[0].equals("--config")) {
            return Path.of(args[1]);
        }
        throw new IllegalArgumentException("usage: presence-worker [--config FILE]");
    }
}
