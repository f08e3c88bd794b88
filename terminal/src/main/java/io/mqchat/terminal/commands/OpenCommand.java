package io.mqchat.terminal.commands;

import io.mqchat.client.Conversation;
import io.mqchat.client.Message;
import io.mqchat.client.history.HistoryPage;
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
        // Opened even when the history cannot be had (the archive down): chat does not need it.
        session.open().open(conversation);
        session.console().line("-- " + ConversationNames.of(conversation) + " --");
        if (!conversation.isGroup()) {
            session.presence().watch(conversation.id())
                    .ifPresent(state -> session.console().line(session.lines().presence(state)));
        }
        HistoryPage page;
        try {
            page = Answers.await(session.client().history(conversation).limit(HISTORY_SHOWN).fetch(),
                    session.answerTimeout());
        } catch (CommandException e) {
            throw new CommandException("no history: " + e.getMessage());
        }
        for (Message message : page.messages()) {
            session.console().line(session.lines().message(message));
        }
        // The newest message from someone else: marking it read covers everything before it.
        page.messages().stream().filter(message -> !message.sentByMe()).reduce((first, second) -> second)
                .ifPresent(session.open()::shown);
    }
}
