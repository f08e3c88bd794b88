package io.mqchat.client.typing;

import io.mqchat.client.Conversation;
import java.time.Instant;

/**
 * A peer or group member started or stopped typing. Signals are never queued: a device gets them only while
 * connected, so an app shows "typing" for a few seconds after the last signal rather than waiting for
 * {@link State#PAUSED}, which may never come.
 *
 * @param conversation where the user types: the 1-1 conversation with {@code from}, or a group
 * @param from         who types
 * @param state        typing or paused
 * @param at           when the server routed the signal (server time)
 */
public record TypingSignal(Conversation conversation, String from, State state, Instant at) {

    /** Whether the user is typing. */
    public enum State {
        TYPING, PAUSED
    }

    /** True while the user types. */
    public boolean isTyping() {
        return state == State.TYPING;
    }
}
