package io.mqchat.media.store;

/** The media store cannot be reached (or did not answer in time); the operation may succeed later. */
public final class MediaStoreUnavailableException extends RuntimeException {

    public MediaStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
