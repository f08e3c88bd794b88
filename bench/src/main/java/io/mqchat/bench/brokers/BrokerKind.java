package io.mqchat.bench.brokers;

/** The brokers a benchmark can compare. */
public enum BrokerKind {
    /** HiveMQ CE with the mqchat extension: chat protocol, JWT, receipts. */
    MQCHAT("mqchat", true),
    /** The same HiveMQ CE, no extension: plain pub/sub, what a user would otherwise deploy. */
    HIVEMQ("hivemq", true),
    /** Eclipse Mosquitto from the OS package: the common C broker. */
    MOSQUITTO("mosquitto", false);

    private final String label;
    private final boolean jvm;

    BrokerKind(String label, boolean jvm) {
        this.label = label;
        this.jvm = jvm;
    }

    public String label() {
        return label;
    }

    /** True for the brokers the benchmark runs in a JVM of its own (and can ask for heap figures). */
    public boolean jvm() {
        return jvm;
    }

    public static BrokerKind parse(String label) {
        for (BrokerKind kind : values()) {
            if (kind.label.equalsIgnoreCase(label.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown broker " + label + " (mqchat, hivemq, mosquitto)");
    }
}
