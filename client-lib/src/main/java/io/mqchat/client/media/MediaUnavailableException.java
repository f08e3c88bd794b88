package io.mqchat.client.media;

import io.mqchat.client.MqchatException;

/**
 * The media endpoint could not be reached or could not serve the request (a network error, a timeout, a 5xx
 * answer), also after the library's retries: try again later. Retrying an upload is safe: the endpoint stores the
 * same bytes once and answers with the same reference.
 */
public class MediaUnavailableException extends MqchatException {

    private final int status;

    /**
     * @param message what failed
     * @param status  the last HTTP status, or 0 when no answer came
     * @param cause   the last network error, or null
     */
    public MediaUnavailableException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The last HTTP status, e.g. 503; 0 when no answer came (a network error or timeout). */
    public int status() {
        return status;
    }
}
