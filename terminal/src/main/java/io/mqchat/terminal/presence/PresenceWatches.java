package io.mqchat.terminal.presence;

import io.mqchat.client.MqchatClient;
import io.mqchat.client.presence.PresenceState;
import io.mqchat.client.presence.PresenceSubscription;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users whose presence this terminal watches, each once: the client prints every state and change of them as
 * it arrives, so watching a user twice would print each change twice. Watches last for the session.
 */
public final class PresenceWatches implements AutoCloseable {

    private final MqchatClient client;
    private final Map<String, PresenceSubscription> watched = new ConcurrentHashMap<>();

    public PresenceWatches(MqchatClient client) {
        this.client = client;
    }

    /**
     * Watches {@code user} from now on. Answers the state already known, empty when the user is newly watched (its
     * state then arrives as an event shortly).
     *
     * @throws IllegalArgumentException when {@code user} is not a valid user id
     */
    public Optional<PresenceState> watch(String user) {
        PresenceSubscription existing = watched.get(user);
        if (existing != null) {
            return existing.current();
        }
        watched.computeIfAbsent(user, client::presence);
        return Optional.empty();
    }

    @Override
    public void close() {
        watched.values().forEach(PresenceSubscription::close);
        watched.clear();
    }
}
