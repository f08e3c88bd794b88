package io.mqchat.client.internal;

import io.mqchat.client.presence.PresenceState;
import io.mqchat.client.presence.PresenceSubscription;
import io.mqchat.protocol.Presence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The users whose presence this device watches, their latest states and who listens to them. Several
 * subscriptions to one user share one MQTT subscription, taken with the first and dropped with the last.
 * Thread-safe; listeners are called outside the lock.
 */
public final class PresenceBook {

    /** Subscribes to and unsubscribes from one user's presence topic; failures are the caller's to ignore. */
    public interface Topics {
        void subscribe(String user);

        void unsubscribe(String user);
    }

    private final Consumer<PresenceState> everyone;
    private final Topics topics;
    private final Map<String, Watched> watched = new HashMap<>();

    /**
     * @param everyone the builder's presence listener, told about every watched user
     * @param topics   how to (un)subscribe on the MQTT connection
     */
    public PresenceBook(Consumer<PresenceState> everyone, Topics topics) {
        this.everyone = everyone;
        this.topics = topics;
    }

    /** Starts watching {@code user}; {@code listener} hears this subscription's changes until it is closed. */
    public PresenceSubscription open(String user, Consumer<PresenceState> listener) {
        Handle handle = new Handle(user, listener);
        boolean first;
        synchronized (this) {
            Watched entry = watched.computeIfAbsent(user, u -> new Watched());
            first = entry.handles.isEmpty();
            entry.handles.add(handle);
        }
        if (first) {
            topics.subscribe(user);
        }
        return handle;
    }

    /**
     * Subscribes again to every watched user. Called on every (re)connect: presence is not queued while this
     * device is away (the server holds it at QoS 0), and a fresh subscription brings the retained current state.
     */
    public void resubscribeAll() {
        List<String> users;
        synchronized (this) {
            users = new ArrayList<>(watched.keySet());
        }
        users.forEach(topics::subscribe);
    }

    /** A presence message arrived; listeners hear it when it says something new. */
    public void accept(Presence presence) {
        PresenceState state = stateOf(presence);
        List<Handle> listening;
        synchronized (this) {
            Watched entry = watched.get(presence.user());
            // The retained state comes again after every resubscribe; only a change is news.
            if (entry == null || state.equals(entry.current)) {
                return;
            }
            entry.current = state;
            listening = List.copyOf(entry.handles);
        }
        Listeners.deliver(everyone, state);
        for (Handle handle : listening) {
            Listeners.deliver(handle.listener, state);
        }
    }

    static PresenceState stateOf(Presence presence) {
        boolean hidden = Boolean.TRUE.equals(presence.hidden());
        boolean online = !hidden && Boolean.TRUE.equals(presence.online());
        Optional<Instant> lastSeen = hidden || online || presence.lastSeen() == null
                ? Optional.empty() : Optional.of(Instant.ofEpochMilli(presence.lastSeen()));
        return new PresenceState(presence.user(), online, lastSeen, hidden, Instant.ofEpochMilli(presence.ts()));
    }

    private synchronized Optional<PresenceState> current(String user) {
        Watched entry = watched.get(user);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.current);
    }

    private void close(Handle handle) {
        boolean last;
        synchronized (this) {
            Watched entry = watched.get(handle.user);
            if (entry == null || !entry.handles.remove(handle)) {
                return;
            }
            last = entry.handles.isEmpty();
            if (last) {
                watched.remove(handle.user);
            }
        }
        if (last) {
            topics.unsubscribe(handle.user);
        }
    }

    private static final class Watched {
        final List<Handle> handles = new ArrayList<>();
        PresenceState current;
    }

    private final class Handle implements PresenceSubscription {
        private final String user;
        private final Consumer<PresenceState> listener;

        Handle(String user, Consumer<PresenceState> listener) {
            this.user = user;
            this.listener = listener;
        }

        @Override
        public String user() {
            return user;
        }

        @Override
        public Optional<PresenceState> current() {
            return PresenceBook.this.current(user);
        }

        @Override
        public void close() {
            PresenceBook.this.close(this);
        }
    }
}
