package io.mqchat.media.upload;

/** An upload larger than the configured limit; reading stopped at the limit. */
public final class BodyTooLargeException extends Exception {

    public BodyTooLargeException(long limit) {
        super("the upload is larger than " + limit + " bytes", null, false, false);
    }
}
