package io.mqchat.groups.store;

/** The group store cannot be reached (or did not answer in time); the operation may succeed later. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
