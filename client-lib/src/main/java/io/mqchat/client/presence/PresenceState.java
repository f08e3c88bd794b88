package io.mqchat.client.presence;

import java.time.Instant;
import java.util.Optional;

/**
 * What a user's presence says right now. A user who hides its presence is neither online nor last seen.
 *
 * @param user     whose presence this is
 * @param online   true while any device of the user is connected; false when offline or hidden
 * @param lastSeen the user's last activity, when it is offline and not hidden
 * @param hidden   true when the user shows its presence to nobody
 * @param at       when the server recorded this state (server time)
 */
public record PresenceState(String user, boolean online, Optional<Instant> lastSeen, boolean hidden, Instant at) {
}
