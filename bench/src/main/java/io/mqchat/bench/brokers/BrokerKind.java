package io.mqchat.bench.brokers;

import java.util.Arrays;

/** The brokers a benchmark can compare, and how the load speaks to them. */
public enum BrokerKind {
    /** HiveMQ CE with the mqchat extension: chat protocol, JWT, receipts. */
    MQCHAT("mqchat", true, false),
    /**
     * mqchat with an archive-worker in the broker's process, as the all-in-one server runs it: every routed message is
     * also fed to and stored by the archive (the plain {@link #MQCHAT}'s feed finds no subscriber).
     */
    MQCHAT_ARCHIVE("mqchat+archive", true, false),
    /**
     * mqchat from another build's benchmark jar ({@code --baseline-jar}): the same run compares two builds, round by
     * round, so that a change is measured against what it changes on the same machine minutes apart.
     */
    MQCHAT_BASELINE("mqchat@baseline", true, false),
    /** The same HiveMQ CE, no extension: plain pub/sub, what a user would otherwise deploy. */
    HIVEMQ("hivemq", true, false),
    /** Eclipse Mosquitto from the OS package: the common C broker. */
    MOSQUITTO("mosquitto", false, false),
    /**
     * Bare HiveMQ CE with receipts done by the apps, as a chat built on plain MQTT would: the recipient publishes a
     * DELIVERED receipt to the sender at QoS 1 for every message it gets (two QoS 1 messages per chat message, as in
     * mqchat, where the broker publishes the receipt).
     */
    HIVEMQ_APP_RECEIPTS("hivemq+receipts", true, true),
    /** Mosquitto with receipts done by the apps, like {@link #HIVEMQ_APP_RECEIPTS}. */
    MOSQUITTO_APP_RECEIPTS("mosquitto+receipts", false, true),
    /**
     * Bare HiveMQ CE with an extension whose interceptors do nothing, on the hooks mqchat's chat path uses per message:
     * what HiveMQ's hand-offs to extension threads cost by themselves.
     */
    HIVEMQ_HOOKS("hivemq+hooks", true, false),
    /** {@link #HIVEMQ_HOOKS} carrying chat with receipts done by the apps, like {@link #HIVEMQ_APP_RECEIPTS}. */
    HIVEMQ_HOOKS_APP_RECEIPTS("hivemq+hooks+receipts", true, true);

    private final String label;
    private final boolean jvm;
    private final boolean appReceipts;

    BrokerKind(String label, boolean jvm, boolean appReceipts) {
        this.label = label;
        this.jvm = jvm;
        this.appReceipts = appReceipts;
    }

    public String label() {
        return label;
    }

    /** True for the brokers the benchmark runs in a JVM of its own (and can ask for heap figures). */
    public boolean jvm() {
        return jvm;
    }

    /** True when the recipients' apps publish the DELIVERED receipts (a bare broker carrying chat with receipts). */
    public boolean appReceipts() {
        return appReceipts;
    }

    /** True for the kinds only the 1-1 comparison runs (group fan-out and catch-up leave them out). */
    public boolean oneToOneOnly() {
        return appReceipts || archive() || this == MQCHAT_BASELINE;
    }

    /** True when an archive-worker runs beside the broker (mqchat only). */
    public boolean archive() {
        return this == MQCHAT_ARCHIVE;
    }

    /** The broker program that runs: the same for a bare broker with or without app receipts. */
    public BrokerKind server() {
        return switch (this) {
            case MQCHAT_ARCHIVE, MQCHAT_BASELINE -> MQCHAT;
            case HIVEMQ_APP_RECEIPTS -> HIVEMQ;
            case HIVEMQ_HOOKS_APP_RECEIPTS -> HIVEMQ_HOOKS;
            case MOSQUITTO_APP_RECEIPTS -> MOSQUITTO;
            default -> this;
        };
    }

    public static BrokerKind parse(String label) {
        for (BrokerKind kind : values()) {
            if (kind.label.equalsIgnoreCase(label.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown broker " + label + " (one of " + String.join(", ",
                Arrays.stream(values()).map(BrokerKind::label).toList()) + ")");
    }
}
