package io.mqchat.client;

import java.time.Instant;
import java.util.Optional;

/**
 * READ: a user has read a conversation up to a message. Either the peer (in a group: a member) read what was
 * sent there, or ({@link #byMe()}) this user read the conversation on another device, so this device can clear
 * its unread count.
 *
 * @param peer          the other party of a 1-1 conversation, seen from this user; null in a group
 * @param by            who read: the peer or member, or this user
 * @param upToMessageId the newest message read
 * @param at            when the server routed the marker (server time)
 * @param byMe          true when this user read it on another device
 * @param conversation  the conversation that was read
 */
public record ReadReceipt(String peer, String by, String upToMessageId, Instant at, boolean byMe,
                         Conversation conversation) {

    /** A receipt for a 1-1 conversation, as this record was before groups existed. */
    public ReadReceipt(String peer, String by, String upToMessageId, Instant at, boolean byMe) {
        this(peer, by, upToMessageId, at, byMe, Conversation.with(peer));
    }

    /** The group that was read, if it is a group conversation. */
    public Optional<String> group() {
        return conversation instanceof Conversation.InGroup in ? Optional.of(in.groupId()) : Optional.empty();
    }
}
