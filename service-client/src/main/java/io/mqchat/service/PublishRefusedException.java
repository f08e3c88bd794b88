package io.mqchat.service;

/**
 * The broker will never take this publish as it is (it answered with an error code, or the message is larger than
 * it accepts): retrying it would hold up its feed for ever, so the message that caused it is dropped instead.
 */
public final class PublishRefusedException extends RuntimeException {

    public PublishRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
