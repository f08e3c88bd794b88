package io.mqchat.presence.notify;

import io.mqchat.protocol.Notify;
import io.mqchat.protocol.PushRequest;

/**
 * A push notification to send: a message reached a user none of whose devices is connected.
 *
 * @param recipient the user to notify
 * @param sender    who sent the message
 * @param group     the group of a group message, null for a 1-1 message
 * @param messageId the message id
 * @param body      the message text, only when the server is configured to include it; else null
 * @param ts        server time of the message in epoch milliseconds
 * @param mention   whether the group message mentions the recipient
 * @param unread    how many messages the recipient has not read, in all conversations, as the archive counted them
 *                  when the notification went out (an app's badge); null when the archive did not say
 */
public record Notification(String recipient, String sender, String group, String messageId, String body, long ts,
                           boolean mention, Integer unread) {

    /** A notification of a message that does not mention the recipient, whose unread count is not known (yet). */
    public Notification(String recipient, String sender, String group, String messageId, String body, long ts) {
        this(recipient, sender, group, messageId, body, ts, false, null);
    }

    public static Notification of(Notify notify) {
        return new Notification(notify.recipient(), notify.sender(), notify.group(), notify.id(), notify.body(),
                notify.ts(), notify.mentionsRecipient(), null);
    }

    /** This notification with the recipient's unread count. */
    public Notification withUnread(int count) {
        return new Notification(recipient, sender, group, messageId, body, ts, mention, count);
    }

    /** This notification of a message that mentions the recipient. */
    public Notification mentioning() {
        return new Notification(recipient, sender, group, messageId, body, ts, true, unread);
    }

    /** The conversation the message belongs to from the recipient's view: the group, else the sender. */
    public String conversation() {
        return group != null ? group : sender;
    }

    /** The conversation, unique across 1-1 and group conversations even if a user is named like a group. */
    public String conversationKey() {
        return PushRequest.conversationKey(sender, group);
    }
}
