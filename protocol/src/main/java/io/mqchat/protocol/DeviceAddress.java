package io.mqchat.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * One device of one user, as named by an MQTT client id of the form {@code user:device}.
 *
 * <p>The device part is everything after the last {@code :}, so user ids may themselves contain colons.
 */
public record DeviceAddress(String user, String device) {

    /** Separates user and device in a client id. */
    public static final char SEPARATOR = ':';

    public DeviceAddress {
        if (!UserIds.isValidUserId(user)) {
            throw new IllegalArgumentException("invalid user id: " + user);
        }
        if (!UserIds.isValidDeviceId(device)) {
            throw new IllegalArgumentException("invalid device id: " + device);
        }
    }

    /** Parses a client id, or returns empty when it is not {@code user:device} with valid parts. */
    public static Optional<DeviceAddress> parse(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        int at = clientId.lastIndexOf(SEPARATOR);
        if (at <= 0 || at == clientId.length() - 1) {
            return Optional.empty();
        }
        String user = clientId.substring(0, at);
        String device = clientId.substring(at + 1);
        if (!UserIds.isValidUserId(user) || !UserIds.isValidDeviceId(device)) {
            return Optional.empty();
        }
        return Optional.of(new DeviceAddress(user, device));
    }

    /** The MQTT client id of this device. */
    public String clientId() {
        return user + SEPARATOR + device;
    }
}
