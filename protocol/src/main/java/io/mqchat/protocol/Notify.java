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
 */
public record Notify(String recipient, String sender, String group, String id, String body, long ts)
        implements Envelope {

    public static final String TYPE = "notify";

    @Override
    public String type() {
        return TYPE;
    }
}
