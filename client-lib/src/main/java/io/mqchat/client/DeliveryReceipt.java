package io.mqchat.client;

import java.time.Instant;
import java.util.Optional;

/**
 * DELIVERED: one device of the recipient (in a group: of one member) received a message this user sent. A user
 * with several devices produces one receipt per device. Receipts are at-least-once: the same receipt may arrive
 * twice. For a group message, {@link MqchatClient#groupMessageStatus} sums the members' receipts up.
 *
 * @param messageId    the delivered message
 * @param by           the recipient user, or the group member who received it
 * @param device       the recipient's device that acknowledged it
 * @param at           when the server saw the acknowledgement (server time)
 * @param conversation the 1-1 conversation with {@code by}, or the group
 */
public record DeliveryReceipt(String messageId, String by, String device, Instant at, Conversation conversation) {

    /** A receipt for a 1-1 message, as this record was before groups existed. */
    public DeliveryReceipt(String messageId, String by, String device, Instant at) {
        this(messageId, by, device, at, Conversation.with(by));
    }

    /** The group of the delivered message, if it was a group message. */
    public Optional<String> group() {
        return conversation instanceof Conversation.InGroup in ? Optional.of(in.groupId()) : Optional.empty();
    }
}
