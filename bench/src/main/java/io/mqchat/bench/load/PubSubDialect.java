package io.mqchat.bench.load;

import io.mqchat.protocol.Topics;

/**
 * The same traffic as plain MQTT on a bare broker: each device publishes straight into its peer's inbox
 * topic, anonymously, and nothing comes back but the delivery.
 */
public final class PubSubDialect implements Dialect {

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
        return false;
    }
}
