package io.mqchat.terminal.commands;

/** A command that could not be done; the message says why, for the user to read. */
public final class CommandException extends RuntimeException {

    public CommandException(String message) {
        super(message);
    }
}
