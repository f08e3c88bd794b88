package io.mqchat.presence.tracking;

/** The broker did not confirm a presence publish (disconnected, timed out); retrying the event will publish it. */
public final class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
