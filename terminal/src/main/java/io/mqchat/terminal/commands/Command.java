package io.mqchat.terminal.commands;

import java.util.List;

/** One slash command. */
public interface Command {

    /** The word after the slash. */
    String name();

    /** How it is typed, for /help and for a usage error, e.g. {@code /who <user>}. */
    String usage();

    /** What it does, in a few words, for /help. */
    String summary();

    /**
     * Runs it with the words that followed its name.
     *
     * @throws CommandException when the words are wrong or the server refused it: the message is printed
     */
    void run(List<String> args, Session session);
}
