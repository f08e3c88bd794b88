package io.mqchat.presence.tracking;

import io.mqchat.presence.store.PresenceStore;
import io.mqchat.presence.store.Privacy;
import io.mqchat.presence.store.UserPresence;
import io.mqchat.protocol.PresenceEvent;

/**
 * Applies the extension's presence events to the store and retains every resulting change on the user's presence
 * topic. Safe to run in several worker instances at once and to re-run after a crash: the store changes are
 * idempotent and a state stays marked unpublished until the broker confirmed it.
 *
 * <p>Two instances may publish one user's changes in the wrong order (each waits only for its own publish). So
 * after a publish an instance reads the state again and publishes once more if it moved on meanwhile: whichever
 * publish lands last, its publisher then finds and publishes the current state.
 */
public final class PresenceTracker {

    /** Gives up re-publishing a user whose state keeps changing; whoever changed it publishes it too. */
    private static final int MAX_ROUNDS = 8;

    private final PresenceStore store;
    private final PresencePublisher publisher;

    public PresenceTracker(PresenceStore store, PresencePublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /**
     * Applies one event and publishes what changed; returns once the broker has it.
     *
     * @throws InvalidEventException for an event that lacks a field its kind needs (skip it)
     * @throws io.mqchat.presence.store.StoreUnavailableException when Redis is down (retry the event later)
     * @throws PublishFailedException when the broker did not confirm a publish (retry the event later)
     */
    public void apply(PresenceEvent event) {
        switch (required(event.event(), "event", event)) {
            case PresenceEvent.CONNECTED -> publish(store.connected(required(event.user(), "user", event),
                    required(event.device(), "device", event), required(event.conn(), "conn", event), event.ts()));
            case PresenceEvent.DISCONNECTED -> publish(store.disconnected(required(event.user(), "user", event),
                    required(event.conn(), "conn", event), lastActivity(event), event.ts()));
            case PresenceEvent.ACTIVE -> publish(store.active(required(event.user(), "user", event),
                    required(event.conn(), "conn", event), lastActivity(event), event.ts()));
            case PresenceEvent.PRIVACY -> publish(store.setPrivacy(required(event.user(), "user", event),
                    privacy(event), event.ts()));
            case PresenceEvent.BROKER_STARTED -> brokerStarted(event.node(), required(event.broker(), "broker", event),
                    event.ts());
            default -> throw new InvalidEventException("unknown presence event '" + event.event() + "'");
        }
    }

    private void brokerStarted(String node, String broker, long at) {
        store.brokerStarted(node, broker, at);
        // A crash half-way leaves the event unacknowledged; its redelivery sweeps the rest.
        for (String user : store.usersWithConnections()) {
            publish(store.sweepGoneRuns(user, at));
        }
    }

    private void publish(UserPresence state) {
        if (!state.unpublished()) {
            return;
        }
        UserPresence next = state;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            publisher.publish(next.toPresence());
            store.markPublished(next.user(), next.version());
            UserPresence latest = store.read(next.user());
            if (latest.version() <= next.version()) {
                return;
            }
            next = latest;
        }
    }

    private static long lastActivity(PresenceEvent event) {
        return event.lastActivity() != null ? event.lastActivity() : event.ts();
    }

    private static Privacy privacy(PresenceEvent event) {
        try {
            return Privacy.fromWire(event.privacy());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage() + " in " + event);
        }
    }

    private static String required(String value, String field, PresenceEvent event) {
        if (value == null || value.isEmpty()) {
            throw new InvalidEventException("presence event without '" + field + "': " + event);
        }
        return value;
    }
}
