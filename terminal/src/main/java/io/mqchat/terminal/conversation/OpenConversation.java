package io.mqchat.terminal.conversation;

import io.mqchat.client.Conversation;
import io.mqchat.client.Message;
import io.mqchat.client.MqchatClient;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The conversation typed lines go to. What the terminal shows of it counts as read, as in a chat app with the chat
 * on screen: the sender sees READ.
 */
public final class OpenConversation {

    private final AtomicReference<Conversation> open = new AtomicReference<>();
    private volatile MqchatClient client;

    /** The client to mark read with; messages shown before it is attached are not marked. */
    public void attach(MqchatClient client) {
        this.client = client;
    }

    public Optional<Conversation> current() {
        return Optional.ofNullable(open.get());
    }

    public void open(Conversation conversation) {
        open.set(conversation);
    }

    /** Marks {@code message} read if it was just shown in the open conversation and someone else sent it. */
    public void shown(Message message) {
        MqchatClient reader = client;
        if (reader != null && !message.sentByMe() && message.conversation().equals(open.get())) {
            // A marker that fails is not worth a line: the next message shown marks this one read too.
            reader.markRead(message.conversation(), message.id());
        }
    }
}
