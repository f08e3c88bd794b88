package io.mqchat.bench.brokers;

import java.util.List;

/**
 * How to run one broker under test.
 *
 * @param kind            which broker
 * @param filePersistence durable file persistence (HiveMQ) / persistence on (Mosquitto), else in memory
 * @param jvmOptions      options of the broker's JVM (ignored for Mosquitto)
 * @param queueLimit      messages queued per offline device (HiveMQ max-queue-size, Mosquitto max_queued_messages)
 * @param profile         record a JFR profile of the broker JVM to {@code broker.jfr} in its folder
 * @param persistenceBuckets HiveMQ's persistence bucket count (0: HiveMQ's default of 64); in file mode each
 *                        bucket holds about 20 open files, which a 20,000-file limit feels
 * @param groupMembers    mqchat only: above 0, the broker's process also runs a group-worker (with its embedded
 *                        MongoDB-wire store) whose groups hold at most this many members; 0 for none
 * @param serverLimits    mqchat only: keep the server's own limits on what one user may send (the flood scenario
 *                        measures them at work) instead of the benchmark's raised ones
 */
public record BrokerSetup(BrokerKind kind, boolean filePersistence, List<String> jvmOptions, long queueLimit,
                          boolean profile, int persistenceBuckets, int groupMembers, boolean serverLimits) {

    public BrokerSetup {
        jvmOptions = List.copyOf(jvmOptions);
        if (groupMembers != 0 && (kind != BrokerKind.MQCHAT || groupMembers < 2)) {
            throw new IllegalArgumentException("a group-worker runs only beside mqchat, with at least 2 members a group");
        }
        if (serverLimits && kind.server() != BrokerKind.MQCHAT) {
            throw new IllegalArgumentException("only mqchat has limits per user");
        }
    }

    /** A broker with the benchmark's raised limits per user. */
    public BrokerSetup(BrokerKind kind, boolean filePersistence, List<String> jvmOptions, long queueLimit,
                       boolean profile, int persistenceBuckets, int groupMembers) {
        this(kind, filePersistence, jvmOptions, queueLimit, profile, persistenceBuckets, groupMembers, false);
    }

    /** A broker without a group-worker. */
    public BrokerSetup(BrokerKind kind, boolean filePersistence, List<String> jvmOptions, long queueLimit,
                       boolean profile, int persistenceBuckets) {
        this(kind, filePersistence, jvmOptions, queueLimit, profile, persistenceBuckets, 0);
    }

    /** E.g. {@code mqchat/file}. */
    public String label() {
        return kind.label() + "/" + (filePersistence ? "file" : "memory");
    }
}
