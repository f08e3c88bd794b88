package io.mqchat.privacy;

/** The privacy store cannot be reached; the caller tries again later. */
public final class PrivacyUnavailableException extends RuntimeException {

    public PrivacyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
