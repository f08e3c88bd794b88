package io.mqchat.presence.tracking;

/** A presence event that lacks what its kind needs; it can never be applied, so it is logged and skipped. */
public final class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
