package io.mqchat.server.cli;

/** The server could not start for a reason the message fully explains (a port in use, a locked data folder). */
final class StartupException extends RuntimeException {

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
