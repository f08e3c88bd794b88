package io.mqchat.presence.tracking;

import io.mqchat.protocol.Presence;

/** Retains a presence message on the user's presence topic. */
@FunctionalInterface
public interface PresencePublisher {

    /**
     * Publishes {@code presence} retained to {@code p/{user}} and returns once the broker has it.
     *
     * @throws PublishFailedException when the broker did not take it; the event is to be retried
     */
    void publish(Presence presence);
}
