package io.mqchat.presence.store;

/** The store cannot be reached right now (Redis down or loading); the same call will work later. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
