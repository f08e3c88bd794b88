package io.mqchat.protocol;

/**
 * A chat message. Clients send {@code type}, {@code body} and optionally their own {@code id}; the broker
 * stamps {@code from}, the recipient ({@code to} for 1-1, {@code group} for a group), the server time
 * {@code ts} and an id when the client gave none.
 *
 * @param type  message kind; {@value #TEXT} for now
 * @param id    unique per sender; receivers deduplicate by {@code (from, id)}
 * @param from  sender user id, set by the server from the verified token
 * @param to    recipient user id of a 1-1 message; absent on group messages
 * @param group the group of a group message; absent on 1-1 messages
 * @param ts    server time in epoch milliseconds
 * @param body  the text
 */
public record ChatMessage(String type, String id, String from, String to, String group, Long ts, String body)
        implements Envelope {

    /** The type of a plain text message. */
    public static final String TEXT = "text";

    /** A text message as a client sends it, before the server stamps it. */
    public static ChatMessage text(String id, String body) {
        return new ChatMessage(TEXT, id, null, null, null, null, body);
    }

    /** This message as the server routes it to a user. */
    public ChatMessage stamped(String id, String from, String to, long ts) {
        return new ChatMessage(type, id, from, to, null, ts, body);
    }

    /** This message as the server routes it to a group. */
    public ChatMessage stampedForGroup(String id, String from, String group, long ts) {
        return new ChatMessage(type, id, from, null, group, ts, body);
    }

    /** True for a message sent to a group. */
    public boolean inGroup() {
        return group != null;
    }
}
