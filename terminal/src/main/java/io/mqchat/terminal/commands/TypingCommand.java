package io.mqchat.terminal.commands;

import io.mqchat.client.Conversation;
import java.util.List;

/** {@code /typing}, {@code /typing stop}: tells the open conversation that this user types, or stopped. */
final class TypingCommand implements Command {

    @Override
    public String name() {
        return "typing";
    }

    @Override
    public String usage() {
        return "/typing [stop]";
    }

    @Override
    public String summary() {
        return "show the open conversation that you are typing (or stopped)";
    }

    @Override
    public void run(List<String> args, Session session) {
        boolean stop = args.equals(List.of("stop"));
        if (!args.isEmpty() && !stop) {
            throw new CommandException("usage: " + usage());
        }
        Conversation conversation = session.openConversation();
        Answers.await(stop ? session.client().stoppedTyping(conversation) : session.client().typing(conversation),
                session.answerTimeout());
    }
}
