package io.mqchat.terminal.view;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Short names for message ids ({@code m1}, {@code m2}, ...) in order of first mention, so receipt lines stay
 * readable: an id is 33 characters. The same id keeps its label for the session; the oldest labels are forgotten
 * past a bound, so a session that runs for weeks does not grow without end.
 */
public final class MessageLabels {

    private static final int REMEMBERED = 10_000;

    private final Map<String, String> labels = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };
    private long next = 1;

    /** The label of {@code messageId}, a new one if it was never mentioned. */
    public synchronized String of(String messageId) {
        return labels.computeIfAbsent(messageId, id -> "m" + next++);
    }
}
