package io.mqchat.protocol;

import java.util.List;

/**
 * A history sync request. A client publishes it to {@code req/history}; the extension checks its shape, stamps
 * {@code by}, {@code device} and {@code ts} and forwards it to the archive on
 * {@link ServiceTopics#HISTORY_REQUESTS}. The answer is a {@link HistoryResponse} on the requester's
 * {@code responses} topic (or the MQTT 5 response topic, when it lies in the requester's own tree).
 *
 * @param op     {@value #MESSAGES} (a page of one conversation), {@value #CONVERSATIONS} (my conversations),
 *               {@value #UNREAD} (how many messages I have not read, in all my conversations: an app's badge) or
 *               {@value #SETTINGS} (my privacy settings, changed first when {@code settings} is given)
 * @param ref    the client's correlation id, echoed in the response
 * @param with   the peer of the 1-1 conversation to page (messages; or {@code group}); for unread as a service
 *               asks it, with {@code after}: the conversation of a message to count even if not stored yet
 * @param group  the group conversation to page (messages; or {@code with}); for unread, like {@code with}
 * @param before page the messages just older than this {@link Cursor} (messages; optional)
 * @param after  page the messages just newer than this {@link Cursor} (messages; optional); for unread as a
 *               service asks it: the message to count even if not stored yet
 * @param limit  most messages in the page, 1 to {@value #MAX_LIMIT} (messages; default {@value #DEFAULT_LIMIT})
 * @param since  only conversations changed after this epoch millisecond (conversations; optional)
 * @param by     the requesting user, stamped by the server
 * @param device the requesting device, stamped by the server
 * @param ts     server time in epoch milliseconds, stamped by the server
 * @param settings what to change of the requester's settings (settings; optional: without it the request only asks
 *                 for them)
 */
public record HistoryRequest(String op, String ref, String with, String group, String before, String after,
                             Integer limit, Long since, String by, String device, Long ts, SettingsChange settings)
        implements Envelope {

    public static final String TYPE = "history_request";
    public static final String MESSAGES = "messages";
    public static final String CONVERSATIONS = "conversations";
    public static final String UNREAD = "unread";
    public static final String SETTINGS = "settings";
    public static final List<String> OPS = List.of(MESSAGES, CONVERSATIONS, UNREAD, SETTINGS);
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;

    /** A page of the 1-1 conversation with {@code peer}; at most one of the cursors may be given. */
    public static HistoryRequest withPeer(String peer, String before, String after, Integer limit, String ref) {
        return new HistoryRequest(MESSAGES, ref, peer, null, before, after, limit, null, null, null, null, null);
    }

    /** A page of group {@code group}; at most one of the cursors may be given. */
    public static HistoryRequest inGroup(String group, String before, String after, Integer limit, String ref) {
        return new HistoryRequest(MESSAGES, ref, null, group, before, after, limit, null, null, null, null, null);
    }

    /** The requester's conversations changed after {@code since} (all of them when null). */
    public static HistoryRequest conversations(Long since, String ref) {
        return new HistoryRequest(CONVERSATIONS, ref, null, null, null, null, null, since, null, null, null, null);
    }

    /** How many messages the requester has not read, in all conversations. */
    public static HistoryRequest unread(String ref) {
        return new HistoryRequest(UNREAD, ref, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * How many messages {@code user} has not read, counting the message at {@code message} in the 1-1 conversation
     * with {@code with} (or in {@code group}) even if the archive has not stored it yet: what the presence-worker
     * asks for the badge of the push about that message. Only services publish it (devices' requests pass the codec,
     * which drops these fields).
     */
    public static HistoryRequest unreadIncluding(String user, String with, String group, Cursor message, String ref,
                                                 long ts) {
        return new HistoryRequest(UNREAD, ref, with, group, null, message.toString(), null, null, user, null, ts,
                null);
    }

    /** The requester's settings, changed to {@code change} first unless it is null. */
    public static HistoryRequest settings(SettingsChange change, String ref) {
        return new HistoryRequest(SETTINGS, ref, null, null, null, null, null, null, null, null, null, change);
    }

    /** This request as the server forwards it. */
    public HistoryRequest stamped(String by, String device, long ts) {
        return new HistoryRequest(op, ref, with, group, before, after, limit, since, by, device, ts, settings);
    }

    /** The page size asked for, or the default. */
    public int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
