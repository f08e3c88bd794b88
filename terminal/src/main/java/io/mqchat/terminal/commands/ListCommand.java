package io.mqchat.terminal.commands;

import io.mqchat.client.history.ConversationInfo;
import java.util.List;

/** {@code /list}: this user's conversations, newest change first, with the unread count and timer. */
final class ListCommand implements Command {

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String usage() {
        return "/list";
    }

    @Override
    public String summary() {
        return "your conversations: unread count, disappearing timer, last message";
    }

    @Override
    public void run(List<String> args, Session session) {
        List<ConversationInfo> conversations = Answers.await(session.client().conversations(),
                session.answerTimeout());
        if (conversations.isEmpty()) {
            session.console().line("(no conversations yet)");
        }
        conversations.forEach(info -> session.console().line(session.lines().conversation(info)));
    }
}
