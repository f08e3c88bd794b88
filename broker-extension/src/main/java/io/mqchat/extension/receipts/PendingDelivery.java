package io.mqchat.extension.receipts;

/**
 * A chat message written to a recipient device, awaiting that device's PUBACK.
 *
 * @param messageId the message's id
 * @param sender    the user who gets the DELIVERED receipt
 * @param group     the group the message was sent to, or null for a 1-1 message
 * @param writtenAt when the PUBLISH was written, epoch milliseconds (for the TTL sweep)
 */
public record PendingDelivery(String messageId, String sender, String group, long writtenAt) {
}
