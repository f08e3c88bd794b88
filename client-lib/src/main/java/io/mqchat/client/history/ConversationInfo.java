package io.mqchat.client.history;

import io.mqchat.client.Conversation;
import io.mqchat.client.Message;
import java.time.Duration;
import java.time.Instant;

/**
 * One of this user's conversations as the server's archive has it, from
 * {@link io.mqchat.client.MqchatClient#conversations()}.
 *
 * @param conversation  the conversation
 * @param lastMessage   the newest message that has not disappeared; null when there is none
 * @param unread        messages from others after this user's read mark that have not disappeared
 * @param disappearing  the conversation's disappearing-message timer, {@link Duration#ZERO} when off
 * @param readUpTo      how far this user has read; null before the first read mark
 * @param peerReadUpTo  how far the peer of a 1-1 conversation has read; null before its first read mark and in
 *                      groups
 * @param updated       when the conversation last changed: a message, a read mark, a timer, an edit,
 *                      delete or reaction (server time)
 */
public record ConversationInfo(Conversation conversation, Message lastMessage, int unread, Duration disappearing,
                               Cursor readUpTo, Cursor peerReadUpTo, Instant updated) {
}
