package io.mqchat.presence.push;

import io.mqchat.presence.notify.Notification;

/** What a phone shows for a notification, the same on every push service. */
final class PushContent {

    /** The text when the server passes no message text on (the default: a push service is a third party). */
    static final String GENERIC_TEXT = "New message";
    /** The text of a message that mentions the recipient, when the server passes no message text on. */
    static final String MENTION_TEXT = "Mentioned you";

    private PushContent() {
    }

    /** The sender, and for a group message the group: {@code alice @ trip}. */
    static String title(Notification n) {
        return n.group() == null ? n.sender() : n.sender() + " @ " + n.group();
    }

    /** The message text where the server passes it on, else {@link #MENTION_TEXT} or {@link #GENERIC_TEXT}. */
    static String text(Notification n) {
        if (n.body() != null) {
            return n.body();
        }
        return n.mention() ? MENTION_TEXT : GENERIC_TEXT;
    }
}
