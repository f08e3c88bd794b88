package io.mqchat.client.media;

import io.mqchat.client.RefusedException;

/**
 * The media endpoint refused an upload or download with a 4xx answer, for example {@code 413 too_large},
 * {@code 415 unsupported_type}, {@code 400 corrupt_image} or {@code 401 unauthorized}. Sending the same request
 * again would be refused again, so the library does not retry it. {@link #wireCode()} is the endpoint's
 * {@code error} code, {@link #detail()} its message.
 */
public class MediaRejectedException extends RefusedException {

    private final int status;

    /**
     * @param status   the HTTP status
     * @param wireCode the endpoint's error code, e.g. {@code too_large}
     * @param detail   the endpoint's explanation
     */
    public MediaRejectedException(int status, String wireCode, String detail) {
        super("media endpoint refused: " + status + " " + wireCode + ": " + detail, wireCode, detail);
        this.status = status;
    }

    /** The HTTP status, e.g. 413. */
    public int status() {
        return status;
    }
}
