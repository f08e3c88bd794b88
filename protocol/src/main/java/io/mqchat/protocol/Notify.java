package io.mqchat.protocol;

/**
 * A message reached a user with no connected device: a request for a push notification, on
 * {@link ServiceTopics#NOTIFY}. The presence-worker coalesces and sends them.
 *
 * @param recipient the user to notify
 * @param sender    who sent the message
 * @param group     the group the message was sent to; absent for a 1-1 message (the conversation is {@code sender})
 * @param id        the message id
 * @param body      the message text, only when the server is configured to include it
 * @param ts        server time of the message in epoch milliseconds
 * @param mention   true when the group message mentions the recipient (notified even of a muted group); absent
 *                  otherwise
 */
public record Notify(String recipient, String sender, String group, String id, String body, long ts,
                     Boolean mention) implements Envelope {

    public static final String TYPE = "notify";

    /** A notification request about a message that does not mention the recipient. */
    public Notify(String recipient, String sender, String group, String id, String body, long ts) {
        this(recipient, sender, group, id, body, ts, null);
    }

    /** True when the message mentions the recipient. */
    public boolean mentionsRecipient() {
        return Boolean.TRUE.equals(mention);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
