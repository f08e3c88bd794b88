package io.mqchat.client;

import java.time.Instant;

/**
 * DELIVERED: one device of the recipient received a message this user sent. A user with several devices
 * produces one receipt per device. Receipts are at-least-once: the same receipt may arrive twice.
 *
 * @param messageId the delivered message
 * @param by        the recipient user
 * @param device    the recipient's device that acknowledged it
 * @param at        when the server saw the acknowledgement (server time)
 */
public record DeliveryReceipt(String messageId, String by, String device, Instant at) {
}
