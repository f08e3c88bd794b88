package io.mqchat.client;

import io.mqchat.protocol.ErrorCode;
import java.time.Instant;
import java.util.Optional;

/**
 * The server refused a request of this user, from this or another device. A refused {@link MqchatClient#send}
 * also fails its own future with a {@link SendRejectedException}; this is the copy every device of the user sees.
 *
 * @param wireCode the machine-readable reason as sent, e.g. {@code invalid_recipient}
 * @param message  human-readable detail
 * @param ref      the id of the refused message, or null when the request named none
 * @param topic    the topic the refused request was published to
 * @param at       when the server refused it (server time)
 */
public record ServerError(String wireCode, String message, String ref, String topic, Instant at) {

    /** The reason, when it is one this library knows; a newer server may send others. */
    public Optional<ErrorCode> code() {
        return ErrorCode.fromWireName(wireCode);
    }
}
