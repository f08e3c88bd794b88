package io.mqchat.client;

import java.time.Instant;

/**
 * A message already in a conversation changed: its sender edited it ({@link MqchatClient#edit}) or deleted it for
 * everyone ({@link MqchatClient#deleteForEveryone}), or someone reacted to it ({@link MqchatClient#react}). The
 * server applied the change before anyone hears of it, so the app updates its copy of the message: it keeps the
 * last text, shows a tombstone instead of a deleted message, and each user's one reaction.
 *
 * @param kind         what changed
 * @param id           the change's own id, unique per {@code by}
 * @param conversation the conversation of the changed message
 * @param messageId    the changed message's id
 * @param messageFrom  the changed message's sender
 * @param by           who changed it: the sender, a group admin deleting a member's message, or who reacted
 * @param at           when the server accepted the change (server time)
 * @param text         an edit's new text (an image's new caption); null for other changes
 * @param emoji        a reaction's emoji; null for other changes and when {@code by} took the reaction away
 * @param byMe         true when this user made the change, on this or another device
 */
public record MessageChanged(Kind kind, String id, Conversation conversation, String messageId, String messageFrom,
                             String by, Instant at, String text, String emoji, boolean byMe) {

    /** What kind of change. */
    public enum Kind {
        /** The sender replaced the message's text; {@link #text()} has the new one. */
        EDITED,
        /** The message was deleted for everyone: only a tombstone stays in the conversation. */
        DELETED,
        /** {@link #by()} reacted with {@link #emoji()}, replacing an earlier reaction, or took theirs away. */
        REACTED
    }

    /** True for a reaction that takes {@code by}'s earlier reaction away. */
    public boolean removesReaction() {
        return kind == Kind.REACTED && emoji == null;
    }
}
