package io.mqchat.client;

import java.time.Instant;
import java.util.Optional;

/**
 * A chat message that reached this device: from a peer or a group member, or a copy of what this user sent
 * from another device. Each message reaches the app once per device, even when the network delivers it twice.
 *
 * @param id           the sender-chosen id, unique per sender; pass it to {@link MqchatClient#markRead}
 * @param from         the sender, as the server verified it
 * @param to           the recipient of a 1-1 message; null for a group message
 * @param text         the text
 * @param sentAt       when the server accepted the message (server time)
 * @param sentByMe     true when this user sent it from another device; the app shows it as outgoing
 * @param conversation the conversation it belongs to: the peer's, or the group's
 */
public record Message(String id, String from, String to, String text, Instant sentAt, boolean sentByMe,
                      Conversation conversation) {

    /** A 1-1 message, as this record was before groups existed. */
    public Message(String id, String from, String to, String text, Instant sentAt, boolean sentByMe) {
        this(id, from, to, text, sentAt, sentByMe, Conversation.with(sentByMe ? to : from));
    }

    /**
     * The other party of a 1-1 conversation: the sender, or for {@link #sentByMe()} copies the recipient.
     * In a group this is the sender, or null for copies; use {@link #conversation()} there.
     */
    public String peer() {
        return sentByMe ? to : from;
    }

    /** The group this message was sent to, if it is a group message. */
    public Optional<String> group() {
        return conversation instanceof Conversation.InGroup in ? Optional.of(in.groupId()) : Optional.empty();
    }
}
