package io.mqchat.bench.hosted;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs one broker under test in this JVM, so that its CPU and memory can be read per process. Started by the
 * benchmark, never by hand.
 */
@Command(name = "broker", hidden = true, description = "Runs a broker under test (started by the benchmark).")
public final class BrokerCommand implements Callable<Integer> {

    /** The HS256 secret reaches the broker through the environment, never the command line (ps shows that). */
    public static final String SECRET_ENV = "MQCHAT_BENCH_SECRET";
    /** A cluster node's password to the registry's Redis, through the environment for the same reason. */
    public static final String REDIS_PASSWORD_ENV = "MQCHAT_BENCH_REDIS_PASSWORD";
    /** The key a cluster's nodes sign their relays' service tokens with, through the environment too. */
    public static final String CLUSTER_SECRET_ENV = "MQCHAT_BENCH_CLUSTER_SECRET";

    @Option(names = "--kind", required = true, description = "mqchat, hivemq or hivemq+hooks")
    String kind;

    @Option(names = "--port", required = true)
    int port;

    @Option(names = "--folder", required = true)
    Path folder;

    @Option(names = "--file-persistence", arity = "1", defaultValue = "true")
    boolean filePersistence;

    @Option(names = "--queue-limit", defaultValue = "10000")
    long queueLimit;

    @Option(names = "--persistence-buckets", defaultValue = "0", description = "0 keeps HiveMQ's default")
    int persistenceBuckets;

    @Option(names = "--group-members", defaultValue = "0",
            description = "mqchat only: also run a group-worker whose groups hold at most this many members; 0 for none")
    int groupMembers;

    @Option(names = "--archive", arity = "1", defaultValue = "false",
            description = "mqchat only: also run an archive-worker, so the archive feed has its subscriber")
    boolean archive;

    @Option(names = "--server-limits", arity = "1", defaultValue = "false",
            description = "mqchat only: keep the server's default limits per user instead of raising them")
    boolean serverLimits;

    @Option(names = "--cluster-node", description = "mqchat only: join a cluster as this node id (needs --redis)")
    String clusterNode;

    @Option(names = "--redis", description = "mqchat only: host:port of the cluster registry's Redis")
    String redis;

    @Override
    public Integer call() throws Exception {
        if (persistenceBuckets > 0) {
            // Internal HiveMQ settings, read at start: the same for mqchat and bare HiveMQ, so comparisons stay fair.
            com.hivemq.configuration.service.InternalConfigurations.PERSISTENCE_BUCKET_COUNT.set(persistenceBuckets);
            com.hivemq.configuration.service.InternalConfigurations.PAYLOAD_PERSISTENCE_BUCKET_COUNT.set(persistenceBuckets);
        }
        AutoCloseable broker = switch (kind) {
            case "mqchat" -> MqchatHost.start(folder, port, filePersistence, queueLimit, System.getenv(SECRET_ENV),
                    groupMembers, archive, serverLimits, clusterSeat());
            case "hivemq" -> BareHiveMq.start(folder, port, filePersistence, queueLimit, false);
            case "hivemq+hooks" -> BareHiveMq.start(folder, port, filePersistence, queueLimit, true);
            default -> throw new IllegalArgumentException("unknown broker kind " + kind);
        };
        ControlLoop.serve(broker, System.out);
        return 0;
    }

    private Optional<ClusterSeat> clusterSeat() {
        if (clusterNode == null) {
            return Optional.empty();
        }
        if (redis == null) {
            throw new IllegalArgumentException("--cluster-node needs --redis");
        }
        return Optional.of(new ClusterSeat(clusterNode, redis, System.getenv(REDIS_PASSWORD_ENV),
                System.getenv(CLUSTER_SECRET_ENV)));
    }
}
