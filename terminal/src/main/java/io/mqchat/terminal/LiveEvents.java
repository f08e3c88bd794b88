package io.mqchat.terminal;

import io.mqchat.client.ConnectionChange;
import io.mqchat.client.MqchatClient;
import io.mqchat.client.MqchatClientBuilder;
import io.mqchat.client.groups.GroupEvent;
import io.mqchat.terminal.conversation.OpenConversation;
import io.mqchat.terminal.view.Console;
import io.mqchat.terminal.view.EventLines;
import io.mqchat.terminal.view.SafeText;
import java.util.concurrent.atomic.AtomicBoolean;

/** Prints what the client hears as it hears it, one line per event; messages in the open conversation get read. */
final class LiveEvents {

    private final Console console;
    private final EventLines lines;
    private final OpenConversation open;
    private final AtomicBoolean connectedBefore = new AtomicBoolean();
    private final AtomicBoolean tokenRefused = new AtomicBoolean();
    /** What ends the session, once it reads lines. */
    private volatile Runnable end = () -> { };
    /** Set before the client connects, so before any event arrives. */
    private volatile MqchatClient client;

    LiveEvents(Console console, EventLines lines, OpenConversation open) {
        this.console = console;
        this.lines = lines;
        this.open = open;
    }

    /** The client the events come from: who "me" is. */
    void attach(MqchatClient client) {
        this.client = client;
        open.attach(client);
    }

    MqchatClientBuilder listenOn(MqchatClientBuilder builder) {
        return builder
                .onMessage(open::arrived)
                .onDelivered(receipt -> console.line(lines.delivered(receipt)))
                .onRead(receipt -> console.line(lines.read(receipt)))
                .onChange(change -> {
                    open.recent().changed(change);
                    console.line(lines.changed(change));
                })
                .onTyping(signal -> console.line(lines.typing(signal)))
                .onPresence(state -> console.line(lines.presence(state)))
                .onGroupEvent(this::groupEvent)
                .onError(error -> console.line(lines.error(error)))
                .onExpired(expired -> console.line(lines.expired(expired)))
                .onQueueOverflow(overflow -> console.line("* the server's queue for this device overflowed: "
                        + "catching up from the archive"))
                .onAuthenticationFailed(refused -> {
                    // A refusal at the first connect ends the session, which says so itself.
                    if (connectedBefore.get()) {
                        refused(refused.getMessage());
                    }
                })
                .onConnectionChange(this::connection);
    }

    /** Runs {@code end} when the server refuses the token on a reconnect: the session cannot go on. */
    void onTokenRefused(Runnable end) {
        this.end = end;
        if (tokenRefused.get()) {
            end.run(); // refused already, before the session was ready to end
        }
    }

    /** True once the server refused the token on a reconnect. */
    boolean tokenRefused() {
        return tokenRefused.get();
    }

    private void refused(String reason) {
        // The client does not retry a refused token: typed lines would pile up unsent.
        console.line("! the server refused the token: " + SafeText.of(reason)
                + "; start again with a fresh token");
        tokenRefused.set(true);
        end.run();
    }

    private void groupEvent(GroupEvent event) {
        // The command that made the change printed the group already.
        if (!event.by().equals(client.user())) {
            console.line(lines.groupEvent(event));
        }
    }

    private void connection(ConnectionChange change) {
        if (change.connected()) {
            console.line(connectedBefore.getAndSet(true) ? "* connection back, catching up"
                    : "* connected as " + client.user() + " (device " + client.device() + "); /help lists the commands");
        } else if (change.cause() == null) {
            console.line("* offline");
        } else {
            // The MQTT client's reasons end in a full stop, which the line's own "; reconnecting" follows.
            String reason = change.reason().endsWith(".")
                    ? change.reason().substring(0, change.reason().length() - 1) : change.reason();
            console.line("* connection lost: " + SafeText.of(reason) + "; reconnecting");
        }
    }
}
