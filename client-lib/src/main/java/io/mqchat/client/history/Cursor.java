package io.mqchat.client.history;

import io.mqchat.client.Message;
import io.mqchat.protocol.ProtocolException;
import java.util.Objects;

/**
 * A message's position in its conversation: server time, then sender, then id. Conversations are ordered by
 * it and history is paged by it ({@link HistoryQuery#before}, {@link HistoryQuery#after}). Every
 * {@link Message} has one ({@link Message#cursor()}); {@link #toString()} is a stable text form that
 * {@link #parse(String)} reads back, so an app may store it.
 */
public final class Cursor implements Comparable<Cursor> {

    private final io.mqchat.protocol.Cursor position;

    private Cursor(io.mqchat.protocol.Cursor position) {
        this.position = position;
    }

    /** Reads the text form of a cursor ({@link #toString()}). */
    public static Cursor parse(String text) {
        try {
            return new Cursor(io.mqchat.protocol.Cursor.parse(text));
        } catch (ProtocolException e) {
            throw new IllegalArgumentException("'" + text + "' is not a cursor: " + e.getMessage(), e);
        }
    }

    /** The position of {@code message}. */
    public static Cursor of(Message message) {
        Objects.requireNonNull(message, "message");
        if (message.from() == null || message.id() == null) {
            throw new IllegalArgumentException("a message without sender or id has no position");
        }
        return new Cursor(new io.mqchat.protocol.Cursor(message.sentAt().toEpochMilli(), message.from(), message.id()));
    }

    @Override
    public int compareTo(Cursor other) {
        return position.compareTo(other.position);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cursor cursor && position.equals(cursor.position);
    }

    @Override
    public int hashCode() {
        return position.hashCode();
    }

    /** The text form, which {@link #parse(String)} reads. */
    @Override
    public String toString() {
        return position.toString();
    }
}
