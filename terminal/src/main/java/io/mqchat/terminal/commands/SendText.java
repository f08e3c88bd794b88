package io.mqchat.terminal.commands;

import io.mqchat.client.Conversation;

/**
 * A typed line that is not a command: a text to the open conversation. It does not wait for the server, so the
 * user can type on while offline; {@code ✓ sent} follows when the server has it.
 */
final class SendText {

    private SendText() {
    }

    static void send(String text, Session session) {
        Conversation conversation = session.open().current()
                .orElseThrow(() -> new CommandException("no conversation is open: /open <user> first"));
        session.client().send(conversation, text).whenComplete((sent, failure) -> {
            if (failure != null) {
                session.console().line("! not sent: " + Answers.reason(failure));
            } else {
                session.console().line(session.lines().sent(sent));
            }
        });
    }
}
