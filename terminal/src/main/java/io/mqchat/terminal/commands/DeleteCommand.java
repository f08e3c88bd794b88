package io.mqchat.terminal.commands;

import io.mqchat.client.Conversation;
import io.mqchat.terminal.conversation.RecentMessages;
import java.util.List;

/**
 * {@code /delete} deletes this user's newest message in the open conversation for everyone: a tombstone stays in its
 * place. The server allows it for a while after sending (2 days by default).
 */
final class DeleteCommand implements Command {

    @Override
    public String name() {
        return "delete";
    }

    @Override
    public String usage() {
        return "/delete";
    }

    @Override
    public String summary() {
        return "delete my newest message in the open conversation for everyone";
    }

    @Override
    public void run(List<String> args, Session session) {
        if (!args.isEmpty()) {
            throw new CommandException("usage: " + usage());
        }
        Conversation conversation = session.openConversation();
        RecentMessages.Own own = session.open().recent().newestMine(conversation)
                .orElseThrow(() -> new CommandException("no message of mine here to delete"));
        Answers.await(own.sent() != null ? session.client().deleteForEveryone(own.sent())
                : session.client().deleteForEveryone(own.shown()), session.answerTimeout());
    }
}
