package io.mqchat.terminal.commands;

import io.mqchat.client.Conversation;
import io.mqchat.terminal.conversation.RecentMessages;
import java.util.List;

/**
 * {@code /edit <new text>} replaces the text of this user's newest message in the open conversation, for everyone;
 * the server allows it for a while after sending (15 minutes by default) and refuses it after with an error line.
 */
final class EditCommand implements Command {

    @Override
    public String name() {
        return "edit";
    }

    @Override
    public String usage() {
        return "/edit <new text>";
    }

    @Override
    public String summary() {
        return "change the text of my newest message in the open conversation";
    }

    @Override
    public void run(List<String> args, Session session) {
        if (args.isEmpty()) {
            throw new CommandException("usage: " + usage());
        }
        Conversation conversation = session.openConversation();
        RecentMessages.Own own = session.open().recent().newestMine(conversation)
                .orElseThrow(() -> new CommandException("no message of mine here to edit"));
        String text = String.join(" ", args);
        Answers.await(own.sent() != null ? session.client().edit(own.sent(), text)
                : session.client().edit(own.shown(), text), session.answerTimeout());
    }
}
