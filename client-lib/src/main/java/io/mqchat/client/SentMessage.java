package io.mqchat.client;

import java.time.Instant;

/**
 * A message the server accepted (SENT): it is in durable broker storage and will be delivered.
 * DELIVERED and READ follow as {@link DeliveryReceipt} and {@link ReadReceipt} carrying the same {@link #id()}.
 *
 * @param id           the message id this library chose; receipts refer to it
 * @param to           the recipient user, or the group id for a group message
 * @param text         the text
 * @param sentAt       when the server acknowledged it, by this client's clock
 * @param conversation where it was sent
 */
public record SentMessage(String id, String to, String text, Instant sentAt, Conversation conversation) {

    /** A 1-1 message, as this record was before groups existed. */
    public SentMessage(String id, String to, String text, Instant sentAt) {
        this(id, to, text, sentAt, Conversation.with(to));
    }
}
