package io.mqchat.protocol;

import java.util.List;

/**
 * The archive's answer to a {@link HistoryRequest}, on the requester's {@code responses} topic.
 *
 * @param op            the request's op
 * @param ref           the request's {@code ref}, when it had one
 * @param ok            true when the request was carried out
 * @param code          why not, when {@code ok} is false (an {@link ErrorCode} wire name)
 * @param message       human-readable detail, when {@code ok} is false
 * @param with          the 1-1 conversation paged
 * @param group         the group conversation paged
 * @param messages      the page, oldest first, without disappeared messages
 * @param prev          the {@link Cursor} of the page's first message: ask {@code before} it for older ones
 * @param next          the {@link Cursor} of the page's last message: ask {@code after} it for newer ones
 * @param more          whether more messages exist in the direction asked (older, or newer for {@code after})
 * @param conversations the requester's conversations (op conversations)
 * @param unread        how many messages the requester has not read, in all conversations (op unread); each
 *                      conversation counts at most {@value #UNREAD_LIMIT}
 * @param ts            server time in epoch milliseconds
 * @param settings      the requester's settings as they now stand (op settings)
 */
public record HistoryResponse(String op, String ref, boolean ok, String code, String message, String with,
                              String group, List<ChatMessage> messages, String prev, String next, Boolean more,
                              List<ConversationSummary> conversations, Integer unread, long ts, UserSettings settings)
        implements Envelope {

    public static final String TYPE = "history";
    /** A conversation's unread count stops here ("1000+"), so that counting stays a bounded query. */
    public static final int UNREAD_LIMIT = 1000;

    public HistoryResponse {
        messages = messages == null ? null : List.copyOf(messages);
        conversations = conversations == null ? null : List.copyOf(conversations);
    }

    /** An answer of any op but settings. */
    public HistoryResponse(String op, String ref, boolean ok, String code, String message, String with, String group,
                           List<ChatMessage> messages, String prev, String next, Boolean more,
                           List<ConversationSummary> conversations, Integer unread, long ts) {
        this(op, ref, ok, code, message, with, group, messages, prev, next, more, conversations, unread, ts, null);
    }

    /** The requester's settings as they now stand. */
    public static HistoryResponse settings(String ref, UserSettings settings, long ts) {
        return new HistoryResponse(HistoryRequest.SETTINGS, ref, true, null, null, null, null, null, null, null, null,
                null, null, ts, settings);
    }

    /** A page of one conversation; the cursors are derived from the page's first and last message. */
    public static HistoryResponse page(String ref, String with, String group, List<ChatMessage> messages,
                                       boolean more, long ts) {
        String prev = messages.isEmpty() ? null : Cursor.of(messages.get(0)).toString();
        String next = messages.isEmpty() ? null : Cursor.of(messages.get(messages.size() - 1)).toString();
        return new HistoryResponse(HistoryRequest.MESSAGES, ref, true, null, null, with, group, messages, prev, next,
                more, null, null, ts);
    }

    public static HistoryResponse conversations(String ref, List<ConversationSummary> conversations, long ts) {
        return new HistoryResponse(HistoryRequest.CONVERSATIONS, ref, true, null, null, null, null, null, null, null,
                null, conversations, null, ts);
    }

    /** How many messages the requester has not read, in all conversations. */
    public static HistoryResponse unread(String ref, int unread, long ts) {
        return new HistoryResponse(HistoryRequest.UNREAD, ref, true, null, null, null, null, null, null, null, null,
                null, unread, ts);
    }

    public static HistoryResponse failed(String op, String ref, ErrorCode code, String message, long ts) {
        return new HistoryResponse(op, ref, false, code.wireName(), message, null, null, null, null, null, null, null,
                null, ts);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
