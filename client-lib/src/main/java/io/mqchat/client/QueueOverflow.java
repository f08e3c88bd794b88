package io.mqchat.client;

import java.time.Instant;

/**
 * The server could not keep every message queued for this device while it was offline and dropped the
 * oldest ones. The app should sync its history to recover them.
 *
 * @param device  the device whose queue overflowed
 * @param message human-readable detail
 * @param at      when the server noticed (server time)
 */
public record QueueOverflow(String device, String message, Instant at) {
}
