package io.mqchat.terminal.commands;

import io.mqchat.client.Conversation;
import io.mqchat.client.Message;
import io.mqchat.terminal.view.ConversationNames;
import java.util.List;

/**
 * {@code /open bob}, {@code /open g:<group>}: typed lines go there from now on. Shows its recent history and marks
 * it read; in a 1-1 conversation, watches the peer's presence.
 */
final class OpenCommand implements Command {

    /** A screenful. */
    static final int HISTORY_SHOWN = 20;

    @Override
    public String name() {
        return "open";
    }

    @Override
    public String usage() {
        return "/open <user> | /open g:<group id or name>";
    }

    @Override
    public String summary() {
        return "open a conversation: recent history, marked read; your lines go there";
    }

    @Override
    public void run(List<String> args, Session session) {
        if (args.size() != 1) {
            throw new CommandException("usage: " + usage());
        }
        Conversation conversation = ConversationArgument.parse(args.get(0), session);
        session.console().line("-- " + ConversationNames.of(conversation) + " --");
        if (!conversation.isGroup()) {
            session.presence().watch(conversation.id())
                    .ifPresent(state -> session.console().line(session.lines().presence(state)));
        }
        // Opened once its page is shown, so that what arrives meanwhile follows the page rather than preceding it
        // and then appearing in it again; opened even when the history cannot be had (the archive down).
        session.open().opening(conversation);
        List<Message> page = List.of();
        try {
            page = Answers.await(session.client().history(conversation).limit(HISTORY_SHOWN).fetch(),
                    session.answerTimeout()).messages();
        } catch (CommandException e) {
            throw new CommandException("no history: " + e.getMessage());
        } finally {
            session.open().opened(page);
        }
    }
}
