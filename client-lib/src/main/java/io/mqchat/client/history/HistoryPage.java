package io.mqchat.client.history;

import io.mqchat.client.Conversation;
import io.mqchat.client.Message;
import java.util.List;

/**
 * A page of a conversation's history, oldest message first, without messages that have disappeared.
 *
 * <p>The messages of a page count as handed to the app: the message listener does not get them again.
 *
 * @param conversation the conversation
 * @param messages     the messages, oldest first
 * @param prev         the first message's cursor: {@link HistoryQuery#before} it pages older; null when empty
 * @param next         the last message's cursor: {@link HistoryQuery#after} it pages newer; null when empty
 * @param more         whether the server has further messages in the direction asked (older, or newer after
 *                     {@link HistoryQuery#after})
 */
public record HistoryPage(Conversation conversation, List<Message> messages, Cursor prev, Cursor next, boolean more) {

    public HistoryPage {
        messages = List.copyOf(messages);
    }
}
