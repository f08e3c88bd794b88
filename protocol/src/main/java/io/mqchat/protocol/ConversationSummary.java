package io.mqchat.protocol;

/**
 * One entry of a user's conversation list, as the archive answers {@link HistoryRequest#CONVERSATIONS}.
 *
 * @param with     the peer of a 1-1 conversation (or {@code group})
 * @param group    the group of a group conversation (or {@code with})
 * @param last     the newest message the user can see that has not disappeared; null when there is none
 * @param unread   messages from others after the user's read mark that have not disappeared
 * @param timer    the conversation's disappearing timer in seconds, {@code 0} when off
 * @param read     the {@link Cursor} of the user's read mark; null before the first one
 * @param peerRead the {@link Cursor} of the peer's read mark in a 1-1 conversation; null otherwise
 * @param updated  server time of the conversation's last change (message, read mark or timer)
 */
public record ConversationSummary(String with, String group, ChatMessage last, int unread, int timer, String read,
                                  String peerRead, long updated) {

    /** This summary without the peer's read position, for a reader who shares no read receipts. */
    public ConversationSummary withoutPeerRead() {
        return new ConversationSummary(with, group, last, unread, timer, read, null, updated);
    }
}
