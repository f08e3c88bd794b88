package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.protocol.Cursor;
import java.util.HashMap;
import java.util.Map;

/**
 * Per conversation, the newest position up to which the app has everything this client knows of: the newest
 * message handed to it, or a baseline the catch-up set. Catch-up pages after it. Thread-safe.
 */
public final class CursorBook {

    private final Map<Conversation, Cursor> newest = new HashMap<>();

    /** Moves the conversation's position forward to {@code position}; an older one changes nothing. */
    public synchronized void advance(Conversation conversation, Cursor position) {
        if (position != null) {
            newest.merge(conversation, position, (known, offered) -> offered.compareTo(known) > 0 ? offered : known);
        }
    }

    /** The conversation's position; null when the app has nothing of it from this client. */
    public synchronized Cursor get(Conversation conversation) {
        return newest.get(conversation);
    }

    /** A copy of every position, as it is now. */
    public synchronized Map<Conversation, Cursor> snapshot() {
        return Map.copyOf(newest);
    }
}
