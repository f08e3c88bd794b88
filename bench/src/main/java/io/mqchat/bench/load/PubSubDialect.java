package io.mqchat.bench.load;

import io.mqchat.protocol.Topics;

/**
 * The same traffic as plain MQTT on a bare broker: each device publishes straight into its peer's inbox
 * topic, anonymously. Without app receipts nothing comes back but the delivery; with them the recipient
 * publishes a DELIVERED receipt to the sender's {@code receipts} topic, as a chat app on plain MQTT would.
 */
public final class PubSubDialect implements Dialect {

    private final boolean appReceipts;

    /** Plain pub/sub: a message is complete once delivered. */
    public PubSubDialect() {
        this(false);
    }

    /** @param appReceipts whether recipients publish a receipt for every message and a message completes on it */
    public PubSubDialect(boolean appReceipts) {
        this.appReceipts = appReceipts;
    }

    @Override
    public String subscription(String user) {
        return Topics.userTree(user);
    }

    @Override
    public String sendTopic(String peer) {
        return Topics.inbox(peer);
    }

    @Override
    public byte[] password(String user) {
        return null;
    }

    @Override
    public boolean receipts() {
        return appReceipts;
    }

    @Override
    public boolean appReceipts() {
        return appReceipts;
    }
}
