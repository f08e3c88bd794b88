package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.client.Message;
import io.mqchat.client.Quote;
import io.mqchat.client.history.Cursor;
import io.mqchat.protocol.ChatMessage;
import java.time.Duration;
import java.time.Instant;

/** How a message on the wire looks to the app, and which conversation it belongs to for this user. */
final class Messages {

    private Messages() {
    }

    /** The conversation {@code message} belongs to, seen from user {@code me}. */
    static Conversation conversationOf(String me, ChatMessage message) {
        if (message.inGroup()) {
            return Conversation.group(message.group());
        }
        return Conversation.with(me.equals(message.from()) ? message.to() : message.from());
    }

    /**
     * The app's view of a stamped message, with the edit, delete and reactions the archive applied to it;
     * {@code fallbackTime} stands in for a missing server time.
     */
    static Message toMessage(String me, ChatMessage message, Message.Origin origin, Instant fallbackTime) {
        Instant sentAt = message.ts() != null ? Instant.ofEpochMilli(message.ts()) : fallbackTime;
        Duration timer = message.isTimerChange()
                ? Duration.ofSeconds(message.timer() == null ? 0 : message.timer()) : null;
        Long expiresAt = message.expiresAt();
        return new Message(message.id(), message.from(), message.inGroup() ? null : message.to(), message.body(),
                sentAt, me.equals(message.from()), conversationOf(me, message), timer,
                expiresAt == null ? null : Instant.ofEpochMilli(expiresAt), origin,
                message.isImage() ? MediaRefs.toImage(message.media()) : null, message.mentions(),
                message.reply() == null ? null : new Quote(message.reply().id(), message.reply().from(),
                        message.reply().excerpt(), message.reply().originalGone()),
                Boolean.TRUE.equals(message.forwarded()),
                message.edited() == null ? null : Instant.ofEpochMilli(message.edited()), message.wasDeleted(),
                message.reactions());
    }

    /** The position of a stamped message; null for one that lacks what a position needs. */
    static io.mqchat.protocol.Cursor positionOf(ChatMessage message) {
        return message.ts() == null || message.from() == null || message.id() == null
                ? null : io.mqchat.protocol.Cursor.of(message);
    }

    /** The app's cursor for a position. */
    static Cursor toCursor(io.mqchat.protocol.Cursor position) {
        return position == null ? null : Cursor.parse(position.toString());
    }

    /** The app's cursor for a wire-form cursor; null for none or one that does not parse. */
    static Cursor toCursor(String wire) {
        if (wire == null) {
            return null;
        }
        try {
            return Cursor.parse(wire);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The wire position of an app's cursor. */
    static io.mqchat.protocol.Cursor positionOf(Cursor cursor) {
        try {
            return io.mqchat.protocol.Cursor.parse(cursor.toString());
        } catch (io.mqchat.protocol.ProtocolException e) {
            throw new IllegalStateException("a parsed cursor always parses again", e);
        }
    }
}
