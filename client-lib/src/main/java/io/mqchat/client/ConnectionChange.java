package io.mqchat.client;

/**
 * The connection to the server came up or went down, so the app can say "offline" and, when it is back, that
 * the catch-up is under way. Only changes are reported: a reconnect attempt that fails while the connection is
 * already down reports nothing.
 *
 * @param connected true when the connection is up (the first connect or a reconnect)
 * @param cause     why it went down; null when it came up or when the app disconnected
 */
public record ConnectionChange(boolean connected, Throwable cause) {

    /** The reason the connection went down, for a person to read; empty when it came up or the app disconnected. */
    public String reason() {
        if (cause == null) {
            return "";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
