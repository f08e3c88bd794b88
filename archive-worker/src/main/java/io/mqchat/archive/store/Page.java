package io.mqchat.archive.store;

import io.mqchat.protocol.ChatMessage;
import java.util.List;

/**
 * A page of a conversation.
 *
 * @param messages oldest first, none that had disappeared when read
 * @param more     whether further messages exist in the direction asked
 */
public record Page(List<ChatMessage> messages, boolean more) {

    public Page {
        messages = List.copyOf(messages);
    }
}
