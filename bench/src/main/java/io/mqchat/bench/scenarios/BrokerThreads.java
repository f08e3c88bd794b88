package io.mqchat.bench.scenarios;

/**
 * Which threads of the mqchat broker process belong to the group-worker and its store, by the thread-group
 * names of {@link io.mqchat.bench.procfs.ThreadCpu} (Linux keeps the first 15 characters of a thread's name).
 */
final class BrokerThreads {

    private BrokerThreads() {
    }

    /**
     * The worker's message handlers ({@code svc-groups:1 svc/...}, which also run its MongoDB driver calls) and
     * its MQTT client (hivemq-mqtt-client's network threads and RxJava schedulers; the broker itself uses neither).
     */
    static boolean groupWorker(String group) {
        return group.startsWith("svc-groups") || group.startsWith("com.hivemq.clie") || group.startsWith("Rx");
    }

    /**
     * The embedded MongoDB-wire store (mongo-java-server's network threads, H2's writer threads) and the MongoDB
     * driver's monitor threads.
     */
    static boolean groupStore(String group) {
        return group.startsWith("mongo-server") || group.startsWith("MVStore") || group.startsWith("H#-")
                || group.startsWith("cluster-") || group.startsWith("MaintenanceTime");
    }
}
