package io.mqchat.client.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the most recently seen {@code (sender, message id)} pairs, so that a message the network delivers
 * twice (QoS 1 is at-least-once) reaches the app once. Memory is bounded: the least recently seen pair is
 * forgotten first, which is safe because re-deliveries follow the original closely. Thread-safe.
 */
public final class Deduplicator {

    /** Enough for any realistic burst of re-deliveries after a reconnect; about a megabyte. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Map<Key, Boolean> recent;

    public Deduplicator(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time this pair is seen (within the memory window), false for every repeat. */
    public synchronized boolean firstSeen(String from, String id) {
        Key key = new Key(from, id);
        if (recent.get(key) != null) {
            return false;
        }
        recent.put(key, Boolean.TRUE);
        return true;
    }

    private record Key(String from, String id) {
    }
}
