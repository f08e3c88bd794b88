package io.mqchat.protocol;

import java.util.Comparator;
import java.util.Objects;

/**
 * A message's position in its conversation: server time, then sender, then id. Conversations are ordered by it,
 * and history is paged by it. Its wire form {@code {ts}/{from}/{id}} can be built by any client from a message it
 * holds ({@link #of(ChatMessage)}), because neither user ids nor message ids contain {@code /}.
 *
 * @param ts   the message's server time in epoch milliseconds
 * @param from the sender
 * @param id   the message id
 */
public record Cursor(long ts, String from, String id) implements Comparable<Cursor> {

    private static final Comparator<Cursor> ORDER = Comparator.comparingLong(Cursor::ts)
            .thenComparing(Cursor::from).thenComparing(Cursor::id);

    public Cursor {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(id, "id");
    }

    /** The position of a stamped message. */
    public static Cursor of(ChatMessage message) {
        if (message.ts() == null || message.from() == null || message.id() == null) {
            throw new IllegalArgumentException("only a stamped message has a position");
        }
        return new Cursor(message.ts(), message.from(), message.id());
    }

    /** Reads the wire form {@code {ts}/{from}/{id}}. */
    public static Cursor parse(String wire) throws ProtocolException {
        String[] parts = wire == null ? new String[0] : wire.split("/", -1);
        if (parts.length != 3 || !UserIds.isValidUserId(parts[1]) || !MessageIds.isValid(parts[2])) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "a cursor is {ts}/{from}/{id}");
        }
        try {
            long ts = Long.parseLong(parts[0]);
            if (ts < 0) {
                throw new NumberFormatException();
            }
            return new Cursor(ts, parts[1], parts[2]);
        } catch (NumberFormatException e) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "a cursor starts with the server time in ms");
        }
    }

    @Override
    public int compareTo(Cursor other) {
        return ORDER.compare(this, other);
    }

    /** The wire form. */
    @Override
    public String toString() {
        return ts + "/" + from + "/" + id;
    }
}
