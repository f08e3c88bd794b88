package io.mqchat.protocol;

/**
 * A read marker as a device publishes it to {@code read/u/{peer}} or {@code read/g/{group}}.
 *
 * @param upTo   the newest message read
 * @param shared false when the reader keeps it to itself (read receipts off): no READ receipt goes to the others
 */
public record ReadMarker(String upTo, boolean shared) {
}
