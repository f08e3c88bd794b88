package io.mqchat.client;

import java.time.Instant;

/**
 * A disappearing message the app has (received, caught up, in a history page, or sent from this device) reached
 * its expiry: the app must drop it now. The server has dropped it too.
 *
 * @param id           the message id
 * @param from         its sender
 * @param conversation its conversation
 * @param expiredAt    when it expired (by the message's server time plus its timer; for messages this device
 *                     sent, by this client's clock)
 */
public record ExpiredMessage(String id, String from, Conversation conversation, Instant expiredAt) {
}
