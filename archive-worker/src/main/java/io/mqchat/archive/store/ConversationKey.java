package io.mqchat.archive.store;

import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.MessageChange;
import java.util.Objects;

/**
 * Which conversation a message belongs to: the 1-1 conversation of two users (in either direction) or a group.
 * Its {@link #id()} keys every archive document of the conversation; user and group ids never contain {@code /},
 * so the id is unambiguous.
 *
 * @param group  the group, or null for a 1-1 conversation
 * @param first  the lesser of the two users of a 1-1 conversation (null for a group)
 * @param second the greater of the two users (null for a group)
 */
public record ConversationKey(String group, String first, String second) {

    public ConversationKey {
        if ((group == null) == (first == null || second == null)) {
            throw new IllegalArgumentException("a conversation is either a group or a pair of users");
        }
    }

    /** The 1-1 conversation of {@code a} and {@code b}, the same whichever of them is named first. */
    public static ConversationKey direct(String a, String b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return a.compareTo(b) <= 0 ? new ConversationKey(null, a, b) : new ConversationKey(null, b, a);
    }

    /** The conversation of a stamped message: its group, or its sender and recipient. */
    public static ConversationKey of(ChatMessage message) {
        return message.inGroup() ? group(message.group()) : direct(message.from(), message.to());
    }

    /** The conversation of a stamped edit, delete or reaction, as of the message it changes. */
    public static ConversationKey of(MessageChange change) {
        return change.inGroup() ? group(change.group()) : direct(change.from(), change.to());
    }

    /** The conversation of group {@code group}. */
    public static ConversationKey group(String group) {
        return new ConversationKey(Objects.requireNonNull(group, "group"), null, null);
    }

    public boolean isGroup() {
        return group != null;
    }

    /** The other user of a 1-1 conversation, seen from {@code user} (one of its two users). */
    public String peerOf(String user) {
        if (isGroup()) {
            throw new IllegalStateException("a group conversation has no single peer");
        }
        return user.equals(first) ? second : first;
    }

    /** {@code u/{first}/{second}} or {@code g/{group}}. */
    public String id() {
        return isGroup() ? "g/" + group : "u/" + first + "/" + second;
    }

    @Override
    public String toString() {
        return id();
    }
}
