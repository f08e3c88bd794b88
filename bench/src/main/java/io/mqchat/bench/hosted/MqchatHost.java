package io.mqchat.bench.hosted;

import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.config.JwtConfig;
import io.mqchat.extension.embedded.BrokerSettings;
import io.mqchat.extension.embedded.EmbeddedBroker;
import io.mqchat.extension.limits.RateLimit;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.time.Clock;

/**
 * mqchat's own embedded broker, configured as the server would be except for the per-user rate limit: the
 * benchmark's users send far faster than a person (a saturated pair sends hundreds of messages a second),
 * so the limit is raised out of the way, and the report says so; the flood scenario, which measures the limit at
 * work, keeps it. For the group and flood scenarios the same process also runs a group-worker, as the all-in-one
 * server does. For the cluster scenario it is one node of several ({@link ClusterSeat}).
 */
final class MqchatHost {

    /** Effectively unlimited: the benchmark measures the broker, not the limiter's refusals. */
    static final RateLimit BENCHMARK_RATE_LIMIT = new RateLimit(1_000_000, 1_000_000);

    private MqchatHost() {
    }

    /**
     * Starts the broker and, when {@code groupMembers} is above 0, a group-worker connected to it; with {@code archive},
     * an archive-worker too; with {@code serverLimits}, the server's default limits per user stay in force; with
     * {@code cluster}, as one node of a cluster (no workers then). Closing stops the workers, then the broker, then
     * the node's registry connection.
     */
    static AutoCloseable start(Path folder, int port, boolean filePersistence, long queueLimit, String secret,
                               int groupMembers, boolean archive, boolean serverLimits, Optional<ClusterSeat> cluster) {
        if (cluster.isPresent() && (groupMembers > 0 || archive)) {
            throw new IllegalArgumentException("a cluster node of the benchmark runs without in-process workers");
        }
        BrokerSettings settings = new BrokerSettings("127.0.0.1", port, 0, "/mqtt", folder, filePersistence,
                BrokerSettings.DEFAULT_MAX_PACKET_BYTES, BrokerSettings.DEFAULT_SESSION_EXPIRY_MAX);
        ExtensionConfig defaults = ExtensionConfig.defaults(JwtConfig.hmac(secret)).withQueueLimit(queueLimit);
        ExtensionConfig limited = serverLimits ? defaults : defaults.withRateLimit(BENCHMARK_RATE_LIMIT)
                .withGroupRateLimit(BENCHMARK_RATE_LIMIT);
        Deque<AutoCloseable> running = new ArrayDeque<>();
        AutoCloseable all = () -> closeAll(running);
        try {
            // The registry outlives the broker: a stopping node withdraws its heartbeat through it.
            Optional<ClusterSeat.Joined> joined = cluster.map(seat -> seat.join(port));
            joined.ifPresent(running::push);
            ExtensionConfig config = cluster.map(seat -> seat.configure(limited)).orElse(limited);
            running.push(EmbeddedBroker.start(settings, config, Clock.systemUTC(),
                    joined.map(ClusterSeat.Joined::membership)));
            if (groupMembers > 0) {
                running.push(HostedGroupWorker.start(folder.resolve("data").resolve("mongo"), port, secret,
                        groupMembers, serverLimits));
            }
            if (archive) {
                running.push(HostedArchiveWorker.start(folder.resolve("data").resolve("archive"), port, secret));
            }
            return all;
        } catch (RuntimeException e) {
            try {
                closeAll(running);
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Closes the newest first; every one is closed even when an earlier close fails. */
    private static void closeAll(Deque<AutoCloseable> running) throws Exception {
        Exception first = null;
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
