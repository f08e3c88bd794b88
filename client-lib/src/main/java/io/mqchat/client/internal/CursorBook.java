package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.protocol.Cursor;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Per conversation, the newest position up to which the app has everything this client knows of: the newest
 * message handed to it, or a baseline the catch-up set. Catch-up pages after it. Also keeps what the app's own
 * record said before this client handed it anything of a conversation. Thread-safe.
 */
public final class CursorBook {

    private final Function<Conversation, Optional<io.mqchat.client.history.Cursor>> app;
    private final Map<Conversation, Cursor> newest = new HashMap<>();
    /** The app's record of a conversation as it was just before its first position here; null values: none. */
    private final Map<Conversation, Cursor> appRecordBefore = new HashMap<>();

    /** A book for an app that keeps no record of its own. */
    public CursorBook() {
        this(conversation -> Optional.empty());
    }

    /** @param appRecord the app's own record of its newest message per conversation, if it keeps one */
    public CursorBook(Function<Conversation, Optional<io.mqchat.client.history.Cursor>> appRecord) {
        this.app = appRecord;
    }

    /**
     * Moves the conversation's position forward to {@code position}; an older one changes nothing. Call it before
     * the app has the message there, so that the app's own record is known as it was before.
     */
    public synchronized void advance(Conversation conversation, Cursor position) {
        if (position == null) {
            return;
        }
        if (!newest.containsKey(conversation)) {
            // Before the app has anything of it from this client: what it records from now on may lie beyond a
            // gap that a catch-up has still to fill.
            appRecordBefore.put(conversation, appRecordNow(conversation));
        }
        newest.merge(conversation, position, (known, offered) -> offered.compareTo(known) > 0 ? offered : known);
    }

    /** The conversation's position; null when the app has nothing of it from this client. */
    public synchronized Cursor get(Conversation conversation) {
        return newest.get(conversation);
    }

    /** A copy of every position, as it is now. */
    public synchronized Map<Conversation, Cursor> snapshot() {
        return Map.copyOf(newest);
    }

    /**
     * The app's own record of the conversation as it was before this client handed it anything of it (as it is
     * now, if nothing yet); null when the app records nothing of it.
     */
    synchronized Cursor appRecord(Conversation conversation) {
        return newest.containsKey(conversation) ? appRecordBefore.get(conversation) : appRecordNow(conversation);
    }

    /** The app's record now; null when it has none or its callback fails (a catch-up then looks back instead). */
    private Cursor appRecordNow(Conversation conversation) {
        try {
            return app.apply(conversation).map(Messages::positionOf).orElse(null);
        } catch (RuntimeException e) {
            return null; // the app's failure must stop neither its messages nor its catch-ups
        }
    }
}
