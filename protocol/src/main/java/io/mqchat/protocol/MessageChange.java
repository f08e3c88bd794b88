package io.mqchat.protocol;

/**
 * A change to a message already sent: its sender edits or deletes it for everyone, or a participant reacts to it.
 * Clients publish it like a message, to the conversation's {@code send/} topic; the server stamps it as it stamps a
 * message, the archive checks it against the message it names (sender, window, membership), keeps the result, and
 * only then publishes it to every participant's inbox, the changing device's included. A refused change comes back
 * as an error on the sender's {@code errors} topic, naming the change's {@code id}.
 *
 * @param type   {@value #EDIT}, {@value #DELETE} or {@value #REACTION}
 * @param id     the change's own id, unique per sender like a message's
 * @param from   who changes, stamped by the server
 * @param to     the peer of a 1-1 conversation, stamped by the server; absent in a group
 * @param group  the group of a group conversation; absent for 1-1
 * @param ts     server time in epoch milliseconds
 * @param target the message changed; in an edit or delete its {@code from} is the changing user's, except for a
 *               group admin deleting a member's message
 * @param body   an edit's new text (the caption, for an image)
 * @param emoji  a reaction's emoji; absent or empty removes the user's reaction
 */
public record MessageChange(String type, String id, String from, String to, String group, Long ts, MessageRef target,
                            String body, String emoji) implements Envelope {

    /** The type of a change of a message's text by its sender. */
    public static final String EDIT = "edit";
    /** The type of a removal of a message for everyone, leaving a tombstone. */
    public static final String DELETE = "delete";
    /** The type of a participant's reaction to a message (one per user and message). */
    public static final String REACTION = "reaction";
    /** The longest reaction, in chars: an emoji with its modifiers, not a text. */
    public static final int MAX_EMOJI = 32;

    public MessageChange {
        emoji = emoji == null || emoji.isEmpty() ? null : emoji;
    }

    /** {@code sender}'s edit of its message {@code targetId} to {@code body}. */
    public static MessageChange edit(String id, String targetId, String body) {
        return new MessageChange(EDIT, id, null, null, null, null, new MessageRef(targetId, null), body, null);
    }

    /** The deletion for everyone of {@code target}. */
    public static MessageChange delete(String id, MessageRef target) {
        return new MessageChange(DELETE, id, null, null, null, null, target, null, null);
    }

    /** A reaction with {@code emoji} to {@code target}; null removes the user's reaction. */
    public static MessageChange reaction(String id, MessageRef target, String emoji) {
        return new MessageChange(REACTION, id, null, null, null, null, target, null, emoji);
    }

    /** This change as the server routes it in a 1-1 conversation; an edit or delete names the sender's own message. */
    public MessageChange stamped(String id, String from, String to, long ts) {
        return new MessageChange(type, id, from, to, null, ts, targetOf(from), body, emoji);
    }

    /** This change as the server routes it in a group. */
    public MessageChange stampedForGroup(String id, String from, String group, long ts) {
        return new MessageChange(type, id, from, null, group, ts, targetOf(from), body, emoji);
    }

    private MessageRef targetOf(String sender) {
        return target.from() == null ? new MessageRef(target.id(), sender) : target;
    }

    /** True for a message sent to a group. */
    public boolean inGroup() {
        return group != null;
    }

    /** True when the change is about a message of someone other than the changing user. */
    public boolean targetsOthers() {
        return !target.from().equals(from);
    }

    /** True for a reaction that takes the user's reaction away. */
    public boolean removesReaction() {
        return REACTION.equals(type) && emoji == null;
    }

    /**
     * True for what may be a reaction: no letters, white space or control characters (emoji, with their joiners,
     * selectors and skin tones, pass; a word does not), at most {@value #MAX_EMOJI} chars.
     */
    public static boolean isReaction(String emoji) {
        return emoji != null && !emoji.isEmpty() && emoji.length() <= MAX_EMOJI && emoji.codePoints().noneMatch(
                c -> Character.isLetter(c) || Character.isWhitespace(c) || Character.isISOControl(c));
    }

    /** True for the three change types. */
    public static boolean isChangeType(String type) {
        return EDIT.equals(type) || DELETE.equals(type) || REACTION.equals(type);
    }
}
