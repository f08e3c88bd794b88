package io.mqchat.terminal.commands;

import io.mqchat.client.Conversation;
import io.mqchat.client.MqchatClient;
import io.mqchat.terminal.conversation.OpenConversation;
import io.mqchat.terminal.presence.PresenceWatches;
import io.mqchat.terminal.view.Console;
import io.mqchat.terminal.view.EventLines;
import java.time.Duration;

/**
 * What commands work with.
 *
 * @param client        the connected client
 * @param console       where answers go
 * @param lines         how they are written
 * @param open          the open conversation
 * @param presence      the users watched
 * @param answerTimeout how long a command waits for the server's answer before it says so
 */
public record Session(MqchatClient client, Console console, EventLines lines, OpenConversation open,
                      PresenceWatches presence, Duration answerTimeout) {

    /** The open conversation, which typed texts and most commands need. */
    public Conversation openConversation() {
        return open.current().orElseThrow(() -> new CommandException("no conversation is open: /open <user> first"));
    }
}
