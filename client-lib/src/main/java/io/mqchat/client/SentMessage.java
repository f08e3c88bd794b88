package io.mqchat.client;

import io.mqchat.client.media.ImageRef;
import java.time.Instant;

/**
 * A message the server accepted (SENT): it is in durable broker storage and will be delivered.
 * DELIVERED and READ follow as {@link DeliveryReceipt} and {@link ReadReceipt} carrying the same {@link #id()}.
 *
 * @param id           the message id this library chose; receipts refer to it
 * @param to           the recipient user, or the group id for a group message
 * @param text         the text, or an image's caption (null when it has none); null for a timer change
 *                     ({@link MqchatClient#setDisappearing})
 * @param sentAt       when the server acknowledged it, by this client's clock
 * @param conversation where it was sent
 * @param expiresAt    when it disappears, by this client's clock, because the conversation's disappearing timer
 *                     was on; null for a permanent message
 * @param image        the uploaded image an image message shares ({@link MqchatClient#sendImage}); null for other
 *                     messages
 */
public record SentMessage(String id, String to, String text, Instant sentAt, Conversation conversation,
                          Instant expiresAt, ImageRef image) {

    /** A message without an image, as this record was before image sharing existed. */
    public SentMessage(String id, String to, String text, Instant sentAt, Conversation conversation,
                       Instant expiresAt) {
        this(id, to, text, sentAt, conversation, expiresAt, null);
    }

    /** A permanent message. */
    public SentMessage(String id, String to, String text, Instant sentAt, Conversation conversation) {
        this(id, to, text, sentAt, conversation, null);
    }

    /** A permanent 1-1 message, as this record was before groups existed. */
    public SentMessage(String id, String to, String text, Instant sentAt) {
        this(id, to, text, sentAt, Conversation.with(to));
    }
}
