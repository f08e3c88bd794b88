package io.mqchat.client;

import java.time.Instant;

/**
 * A chat message that reached this device: from a peer, or a copy of what this user sent from another device.
 * Each message reaches the app once per device, even when the network delivers it twice.
 *
 * @param id       the sender-chosen id, unique per sender; pass it to {@link MqchatClient#markRead}
 * @param from     the sender, as the server verified it
 * @param to       the recipient
 * @param text     the text
 * @param sentAt   when the server accepted the message (server time)
 * @param sentByMe true when this user sent it from another device; the app shows it as outgoing
 */
public record Message(String id, String from, String to, String text, Instant sentAt, boolean sentByMe) {

    /** The other party of the conversation this message belongs to. */
    public String peer() {
        return sentByMe ? to : from;
    }
}
