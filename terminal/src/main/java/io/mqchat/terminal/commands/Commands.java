package io.mqchat.terminal.commands;

import io.mqchat.terminal.view.SafeText;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one typed line: a slash command, or a text for the open conversation ({@code //} starts a text with a
 * slash). A command's words are separated by spaces; double quotes make one word of several ({@code "Summer trip"}). A command that fails prints why on a line starting with {@code !}; nothing a user types ends the session
 * but {@code /quit}.
 */
public final class Commands {

    private static final String QUIT = "/quit";

    private final Map<String, Command> byName = new LinkedHashMap<>();
    private final SendText texts = new SendText();
    private final Session session;

    public Commands(Session session) {
        this.session = session;
        for (Command command : List.of(new ListCommand(), new OpenCommand(), new WhoCommand(), new TypingCommand(),
                new TimerCommand(), new GroupCommand(), new ImageCommand(), new ReactCommand(), new EditCommand(),
                new DeleteCommand(), BlockCommand.block(), BlockCommand.unblock(), ConnectionCommand.offline(),
                ConnectionCommand.online())) {
            byName.put(command.name(), command);
        }
    }

    /** Runs {@code line}; false when it was {@code /quit}. */
    public boolean run(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return true;
        }
        if (trimmed.equals(QUIT)) {
            return false;
        }
        try {
            if (trimmed.startsWith("//")) {
                texts.send(trimmed.substring(1), session);
            } else if (trimmed.startsWith("/")) {
                command(trimmed);
            } else {
                texts.send(trimmed, session);
            }
        } catch (CommandException e) {
            session.console().line("! " + SafeText.of(e.getMessage()));
        } catch (RuntimeException e) {
            // A bug of ours must not end the user's session: say so and read the next line.
            session.console().line("! failed: " + SafeText.of(Answers.reason(e)));
        }
        return true;
    }

    /**
     * Ends the session's work: waits up to {@code wait} for the texts still on their way to the server, and says if
     * some are not.
     */
    public void finish(Duration wait) {
        int notSent = texts.finish(wait);
        if (notSent > 0) {
            session.console().line("! " + notSent + " text(s) not confirmed by the server: they may not have been sent");
        }
    }

    private void command(String line) {
        List<String> words = Words.of(line.substring(1));
        if (words.isEmpty()) {
            throw new CommandException("a command follows the slash: /help lists them");
        }
        String name = words.get(0);
        if (name.equals("help")) {
            help();
            return;
        }
        Command command = byName.get(name);
        if (command == null) {
            throw new CommandException("unknown command /" + name + ": /help lists them");
        }
        command.run(words.subList(1, words.size()), session);
    }

    private void help() {
        session.console().line("Type a line to send it to the open conversation (// sends a line starting with /).");
        for (Command command : byName.values()) {
            session.console().line("  " + command.usage() + "  -  " + command.summary());
        }
        session.console().line("  /help  -  this list");
        session.console().line("  " + QUIT + "  -  leave (the server keeps your messages until you come back)");
    }
}
