package io.mqchat.extension.auth;

/** A CONNECT token that does not prove a usable identity. */
public final class TokenRejectedException extends Exception {

    /** What is wrong: the token itself, or the identity it names. */
    public enum Kind {
        /** Malformed, unsigned, badly signed, expired, not yet valid, or for another issuer or audience. */
        INVALID_TOKEN,
        /** A valid token whose subject cannot be a user id. */
        INVALID_IDENTITY
    }

    private final Kind kind;

    public TokenRejectedException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
