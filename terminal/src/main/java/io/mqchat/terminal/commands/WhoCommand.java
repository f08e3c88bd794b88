package io.mqchat.terminal.commands;

import java.util.List;

/** {@code /who bob}: bob's presence now, and every change of it from then on. */
final class WhoCommand implements Command {

    @Override
    public String name() {
        return "who";
    }

    @Override
    public String usage() {
        return "/who <user>";
    }

    @Override
    public String summary() {
        return "online or last seen, and watch it change";
    }

    @Override
    public void run(List<String> args, Session session) {
        if (args.size() != 1) {
            throw new CommandException("usage: " + usage());
        }
        try {
            // Newly watched: the state arrives as an event line shortly.
            session.presence().watch(args.get(0))
                    .ifPresent(state -> session.console().line(session.lines().presence(state)));
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
