package io.mqchat.client.presence;

import java.util.Optional;

/**
 * Watches one user's presence, from {@link io.mqchat.client.MqchatClient#presence(String)}. The server keeps
 * the current state and sends it on subscribing, so {@link #current()} fills in shortly after; changes follow
 * to the listeners. Presence is not queued while this device is offline: after every reconnect the client
 * subscribes again and gets the then current state. {@link #close()} stops watching.
 */
public interface PresenceSubscription extends AutoCloseable {

    /** The watched user. */
    String user();

    /** The latest state received, empty until the first one arrived. */
    Optional<PresenceState> current();

    /** Stops watching; the listener given for this subscription is not called any more. Idempotent. */
    @Override
    void close();
}
