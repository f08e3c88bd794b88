package io.mqchat.client;

import java.time.Instant;

/**
 * A message the server accepted (SENT): it is in durable broker storage and will be delivered.
 * DELIVERED and READ follow as {@link DeliveryReceipt} and {@link ReadReceipt} carrying the same {@link #id()}.
 *
 * @param id     the message id this library chose; receipts refer to it
 * @param to     the recipient
 * @param text   the text
 * @param sentAt when the server acknowledged it, by this client's clock
 */
public record SentMessage(String id, String to, String text, Instant sentAt) {
}
