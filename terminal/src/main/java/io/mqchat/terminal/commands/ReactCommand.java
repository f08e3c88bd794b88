package io.mqchat.terminal.commands;

import io.mqchat.client.Conversation;
import io.mqchat.client.Message;
import java.util.List;

/**
 * {@code /react 👍} reacts to the newest message of the others in the open conversation (a new reaction replaces
 * this user's earlier one); {@code /react off} takes it back. The change shows as a line once the server applied it.
 */
final class ReactCommand implements Command {

    @Override
    public String name() {
        return "react";
    }

    @Override
    public String usage() {
        return "/react <emoji|off>";
    }

    @Override
    public String summary() {
        return "react to the newest message of the others in the open conversation";
    }

    @Override
    public void run(List<String> args, Session session) {
        if (args.size() != 1) {
            throw new CommandException("usage: " + usage());
        }
        Conversation conversation = session.openConversation();
        Message newest = session.open().recent().newestFromOthers(conversation)
                .orElseThrow(() -> new CommandException("no message of the others here to react to"));
        String emoji = args.get(0);
        Answers.await(emoji.equals("off") ? session.client().removeReaction(newest)
                : session.client().react(newest, emoji), session.answerTimeout());
    }
}
