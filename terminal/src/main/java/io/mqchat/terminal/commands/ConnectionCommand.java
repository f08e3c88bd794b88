package io.mqchat.terminal.commands;

import java.util.List;

/**
 * {@code /offline}, {@code /online}: goes offline and back, as a phone in a tunnel does. Messages sent meanwhile
 * wait in this device's queue on the server and arrive, with what the catch-up finds, once it is back.
 */
final class ConnectionCommand implements Command {

    private final boolean online;

    private ConnectionCommand(boolean online) {
        this.online = online;
    }

    static ConnectionCommand offline() {
        return new ConnectionCommand(false);
    }

    static ConnectionCommand online() {
        return new ConnectionCommand(true);
    }

    @Override
    public String name() {
        return online ? "online" : "offline";
    }

    @Override
    public String usage() {
        return "/" + name();
    }

    @Override
    public String summary() {
        return online ? "connect again and catch up" : "disconnect (the server queues your messages)";
    }

    @Override
    public void run(List<String> args, Session session) {
        // The connection's own event line says when it is done.
        Answers.await(online ? session.client().connect() : session.client().disconnect(), session.answerTimeout());
    }
}
