package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.protocol.Cursor;
import java.util.HashMap;
import java.util.Map;

/**
 * Each conversation's disappearing-message timer as this client last learned it: from timer messages (received,
 * caught up, paged, or sent by this device) and from the conversation list. Every source comes with a position in
 * the conversation, and only a newer position changes the timer, so a page of old history or a late answer cannot
 * turn back a newer change. Thread-safe.
 */
public final class DisappearingTimers {

    /**
     * @param seconds  the timer, 0 for off
     * @param position where in the conversation it was set
     * @param previous what a change by this device replaced, to undo it if the server refuses it; null otherwise
     */
    private record Setting(int seconds, Cursor position, Setting previous) {
    }

    private final Map<Conversation, Setting> settings = new HashMap<>();

    /** The timer for messages sent now, in seconds; 0 when off or unknown. */
    public synchronized int seconds(Conversation conversation) {
        Setting setting = settings.get(conversation);
        return setting == null ? 0 : setting.seconds;
    }

    /** A timer message at {@code position} set {@code seconds}; ignored when a newer setting is known. */
    public synchronized void learn(Conversation conversation, int seconds, Cursor position) {
        Setting known = settings.get(conversation);
        if (known == null || position.compareTo(known.position) > 0) {
            settings.put(conversation, new Setting(seconds, position, null));
        }
    }

    /**
     * The conversation list said the timer is {@code seconds} as of server time {@code asOf}. It stands for the
     * newest timer message the server had then, so it yields to a timer message of a later millisecond.
     */
    public void learnFromSummary(Conversation conversation, int seconds, long asOf) {
        // The empty sender sorts before every real one: a timer message of the same millisecond wins.
        learn(conversation, seconds, new Cursor(asOf, "", ""));
    }

    /**
     * This device is sending a timer message: it is the newest setting (this user's latest word), until the server
     * refuses it. Returns what undoes it then, unless the timer changed again meanwhile.
     */
    public synchronized Runnable setByMe(Conversation conversation, int seconds, Cursor position) {
        Setting known = settings.get(conversation);
        Cursor newest = known == null || position.compareTo(known.position) > 0 ? position : known.position;
        Setting mine = new Setting(seconds, newest, known);
        settings.put(conversation, mine);
        return () -> {
            synchronized (this) {
                if (settings.get(conversation) == mine) {
                    if (mine.previous == null) {
                        settings.remove(conversation);
                    } else {
                        settings.put(conversation, mine.previous);
                    }
                }
            }
        };
    }
}
