package io.mqchat.groups.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids derived from a forwarded request's exact bytes. The broker re-sends the very same bytes when a worker
 * crashed before acknowledging, so the retry gets the same request id (the store recognises it), the same
 * group id (a create is not repeated) and the same event id (members drop the second copy).
 *
 * @param hash the request's SHA-256, in hex
 */
record RequestIds(String hash) {

    static RequestIds of(byte[] forwardedPayload) {
        try {
            return new RequestIds(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(forwardedPayload)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static RequestIds of(String forwardedPayload) {
        return of(forwardedPayload.getBytes(StandardCharsets.UTF_8));
    }

    /** The id a create request gives its group: 128 bits, so unrelated requests do not collide. */
    String groupId() {
        return "g-" + hash.substring(0, 32);
    }

    /** The id of the system message announcing the request's change. */
    String eventId() {
        return "ev-" + hash.substring(0, 40);
    }

    /** The id the store remembers the request by. */
    String requestId() {
        return hash;
    }
}
