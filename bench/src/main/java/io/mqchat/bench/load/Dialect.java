package io.mqchat.bench.load;

/**
 * How the load generator speaks to one kind of broker: where a device listens, where it sends a message for
 * a peer, how it authenticates, and whether a DELIVERED receipt completes a message.
 */
public interface Dialect {

    /** The filter a device of {@code user} subscribes to at QoS 1. */
    String subscription(String user);

    /** The topic a device publishes a message for {@code peer} to. */
    String sendTopic(String peer);

    /** The CONNECT password of {@code user}, or null for none. */
    byte[] password(String user);

    /** True when a DELIVERED receipt follows each delivery and completes the message, false for plain pub/sub. */
    boolean receipts();

    /** True when the recipient device itself publishes that receipt (plain MQTT), false when the broker does. */
    default boolean appReceipts() {
        return false;
    }

    /**
     * True to subscribe with MQTT 5's no-local option, so a device never gets its own publishes back: plain
     * pub/sub groups, where every member subscribes to the topic it also sends to.
     */
    default boolean noLocal() {
        return false;
    }
}
