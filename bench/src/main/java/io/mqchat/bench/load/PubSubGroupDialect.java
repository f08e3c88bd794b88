package io.mqchat.bench.load;

/**
 * A group as plain pub/sub on a bare broker: every member subscribes to the group's one topic, the sender
 * publishes each message to it once, anonymously, and no-local keeps the sender's own message from coming back
 * (as mqchat holds back a sender's own copy from the sending device). The topic ends in {@code /inbox} because
 * that is what a {@link Device} counts as a delivered message.
 */
public final class PubSubGroupDialect implements Dialect {

    private final String topic;

    /** The dialect of group {@code group}, whose topic is {@code g/{group}/inbox}. */
    public PubSubGroupDialect(String group) {
        this.topic = "g/" + group + "/inbox";
    }

    /** Where every member listens and the sender publishes. */
    public String topic() {
        return topic;
    }

    @Override
    public String subscription(String user) {
        return topic;
    }

    @Override
    public String sendTopic(String group) {
        return topic;
    }

    @Override
    public byte[] password(String user) {
        return null;
    }

    @Override
    public boolean receipts() {
        return false;
    }

    @Override
    public boolean noLocal() {
        return true;
    }
}
