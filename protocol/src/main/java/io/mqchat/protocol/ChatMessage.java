package io.mqchat.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * A chat message. Clients send {@code type}, {@code body} (or {@code timer}) and optionally their own {@code id}
 * and {@code ttl}; the broker stamps {@code from}, the recipient ({@code to} for 1-1, {@code group} for a group),
 * the server time {@code ts} and an id when the client gave none.
 *
 * @param type  {@value #TEXT}, {@value #IMAGE}, or {@value #TIMER} for a change of the conversation's disappearing
 *              timer
 * @param id    unique per sender; receivers deduplicate by {@code (from, id)}
 * @param from  sender user id, set by the server from the verified token
 * @param to    recipient user id of a 1-1 message; absent on group messages
 * @param group the group of a group message; absent on 1-1 messages
 * @param ts    server time in epoch milliseconds
 * @param body  the text of a text message, or an image's optional caption
 * @param ttl   seconds after {@code ts} at which the message disappears everywhere; absent for a permanent message
 * @param timer the conversation's disappearing timer in seconds from this message on, {@code 0} for off (timer
 *              messages only; a timer message itself never disappears)
 * @param media the uploaded image an image message shares (image messages only)
 * @param mentions the members a group text or image message mentions ({@code @bob}), at most {@value #MAX_MENTIONS}:
 *                 each is notified even of a conversation they muted; absent when it mentions nobody
 * @param reply    the message this text or image message answers, quoted; absent when it answers none
 * @param forwarded true when the sender forwarded this text or image from another conversation; absent otherwise
 * @param edited    (history only) server time of the sender's last edit, which {@code body} holds; absent if never
 * @param deleted   (history only) true when the sender (or a group admin) deleted it for everyone: a tombstone without
 *                  body, image, quote or reactions; absent otherwise
 * @param reactions (history only) each participant's reaction, user id to emoji; absent when there are none
 */
public record ChatMessage(String type, String id, String from, String to, String group, Long ts, String body,
                          Integer ttl, Integer timer, MediaRef media, List<String> mentions, Reply reply,
                          Boolean forwarded, Long edited, Boolean deleted, Map<String, String> reactions)
        implements Envelope {

    /** The type of a plain text message. */
    public static final String TEXT = "text";
    /** The type of a system message that turns disappearing messages on, changes the timer or turns it off. */
    public static final String TIMER = "timer";
    /** The type of a message sharing an uploaded image ({@link MediaRef}), with an optional caption. */
    public static final String IMAGE = "image";
    /** The longest disappearing timer the protocol can express: a year and a day. */
    public static final int MAX_TTL_SECONDS = 366 * 24 * 3600;
    /** The most members one message may mention. */
    public static final int MAX_MENTIONS = 50;

    public ChatMessage {
        mentions = mentions == null || mentions.isEmpty() ? null : List.copyOf(mentions);
        forwarded = Boolean.TRUE.equals(forwarded) ? Boolean.TRUE : null;
        deleted = Boolean.TRUE.equals(deleted) ? Boolean.TRUE : null;
        reactions = reactions == null || reactions.isEmpty() ? null : Map.copyOf(reactions);
    }

    /** A message as it was routed, with no edit, delete or reaction applied. */
    public ChatMessage(String type, String id, String from, String to, String group, Long ts, String body, Integer ttl,
                       Integer timer, MediaRef media, List<String> mentions, Reply reply, Boolean forwarded) {
        this(type, id, from, to, group, ts, body, ttl, timer, media, mentions, reply, forwarded, null, null, null);
    }

    /** A permanent text message as a client sends it, before the server stamps it. */
    public static ChatMessage text(String id, String body) {
        return new ChatMessage(TEXT, id, null, null, null, null, body, null, null, null, null, null, null);
    }

    /** A text message that disappears {@code ttl} seconds after it was sent ({@code null}: permanent). */
    public static ChatMessage text(String id, String body, Integer ttl) {
        return new ChatMessage(TEXT, id, null, null, null, null, body, ttl, null, null, null, null, null);
    }

    /** An image message sharing {@code media}, with an optional {@code caption}, permanent unless {@code ttl} is set. */
    public static ChatMessage image(String id, MediaRef media, String caption, Integer ttl) {
        return new ChatMessage(IMAGE, id, null, null, null, null, caption, ttl, null, media, null, null, null);
    }

    /** Sets the conversation's disappearing timer to {@code seconds} for later messages; {@code 0} turns it off. */
    public static ChatMessage timerChange(String id, int seconds) {
        return new ChatMessage(TIMER, id, null, null, null, null, null, null, seconds, null, null, null, null);
    }

    /** This message mentioning {@code users} (group messages only). */
    public ChatMessage mentioning(List<String> users) {
        return new ChatMessage(type, id, from, to, group, ts, body, ttl, timer, media, users, reply, forwarded, edited, deleted, reactions);
    }

    /** This message marked as forwarded from another conversation. */
    public ChatMessage asForwarded() {
        return new ChatMessage(type, id, from, to, group, ts, body, ttl, timer, media, mentions, reply, true, edited, deleted, reactions);
    }

    /** This message answering {@code quoted} (null: none). */
    public ChatMessage replying(Reply quoted) {
        return new ChatMessage(type, id, from, to, group, ts, body, ttl, timer, media, mentions, quoted, forwarded, edited, deleted,
                reactions);
    }

    /** True when the sender deleted this message for everyone (not named isDeleted: that would hide the field). */
    public boolean wasDeleted() {
        return Boolean.TRUE.equals(deleted);
    }

    /** True when this message mentions {@code user}. */
    public boolean mentions(String user) {
        return mentions != null && mentions.contains(user);
    }

    /** This message as the server routes it to a user. */
    public ChatMessage stamped(String id, String from, String to, long ts) {
        return new ChatMessage(type, id, from, to, null, ts, body, ttl, timer, media, mentions, reply, forwarded);
    }

    /** This message as the server routes it to a group. */
    public ChatMessage stampedForGroup(String id, String from, String group, long ts) {
        return new ChatMessage(type, id, from, null, group, ts, body, ttl, timer, media, mentions, reply, forwarded);
    }

    /** True for a message sent to a group. */
    public boolean inGroup() {
        return group != null;
    }

    /** True for a message sharing an image. */
    @JsonIgnore
    public boolean isImage() {
        return IMAGE.equals(type);
    }

    /** True for a change of the conversation's disappearing timer. */
    @JsonIgnore
    public boolean isTimerChange() {
        return TIMER.equals(type);
    }

    /** When the message disappears, in epoch milliseconds; {@code null} for a permanent (or unstamped) message. */
    @JsonIgnore
    public Long expiresAt() {
        return ttl == null || ts == null ? null : ts + ttl * 1000L;
    }

    /** True when the message has disappeared at {@code nowMillis}. */
    public boolean expiredAt(long nowMillis) {
        Long expiresAt = expiresAt();
        return expiresAt != null && expiresAt <= nowMillis;
    }
}
