package io.mqchat.archive.store;

/** The archive's MongoDB cannot be reached (or did not answer in time); the operation may succeed later. */
public final class ArchiveUnavailableException extends RuntimeException {

    public ArchiveUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
