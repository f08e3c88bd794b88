package io.mqchat.service;

/**
 * Thrown by a {@link MessageHandler} when a message cannot be handled now but can later (a store is down).
 * The message is retried with backoff and nothing after it on the same subscription is handled meanwhile;
 * later messages wait in the broker's persistent session.
 */
public final class RetryLater extends Exception {

    public RetryLater(String reason, Throwable cause) {
        super(reason, cause);
    }

    public RetryLater(String reason) {
        super(reason);
    }
}
