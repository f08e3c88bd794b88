package io.mqchat.client;

import java.time.Instant;

/**
 * READ: a user has read a conversation up to a message. Either the peer read what this user sent, or
 * ({@link #byMe()}) this user read the conversation on another device, so this device can clear its unread count.
 *
 * @param peer          the other party of the conversation, seen from this user
 * @param by            who read: the peer, or this user
 * @param upToMessageId the newest message read
 * @param at            when the server routed the marker (server time)
 * @param byMe          true when this user read it on another device
 */
public record ReadReceipt(String peer, String by, String upToMessageId, Instant at, boolean byMe) {
}
