package io.mqchat.client;

import io.mqchat.client.history.Cursor;
import io.mqchat.client.media.ImageRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chat message that reached this device: from a peer or a group member, or a copy of what this user sent
 * from another device. Each message reaches the app once per device, even when the network delivers it twice
 * and when the catch-up after a reconnect finds it again.
 *
 * <p>Besides text messages there are images ({@link #isImage()}: {@link #image()} has the reference and its
 * thumbnail, {@link MqchatClient#downloadMedia} the full image) and timer changes ({@link #isTimerChange()}): system
 * messages in the conversation that turn disappearing messages on, change their timer or turn them off for later
 * messages.
 *
 * <p>A message can change after it arrived: its sender edits it or deletes it for everyone, and participants react to
 * it. Such changes reach the app as {@link MessageChanged} events; a message from the archive (history pages and the
 * catch-up) shows them already applied ({@link #edited()}, {@link #deleted()}, {@link #reactions()}), a live one shows
 * none.
 *
 * @param id           the sender-chosen id, unique per sender; pass it to {@link MqchatClient#markRead}
 * @param from         the sender, as the server verified it
 * @param to           the recipient of a 1-1 message; null for a group message
 * @param text         the text, or an image's caption (null when it has none); null for a timer change
 * @param sentAt       when the server accepted the message (server time)
 * @param sentByMe     true when this user sent it from another device; the app shows it as outgoing
 * @param conversation the conversation it belongs to: the peer's, or the group's
 * @param timer        for a timer change, the conversation's disappearing timer from here on ({@link Duration#ZERO}
 *                     for off); null for a text message
 * @param expiresAt    when a disappearing message disappears (the app should drop it then; the client's
 *                     {@link MqchatClientBuilder#onExpired expiry listener} says so too); null for a permanent one
 * @param origin       how it reached this device
 * @param image        the image an image message shares; null for other messages
 * @param mentions     the group members the message mentions ({@code @bob}); empty when it mentions nobody
 * @param quote        the message this one answers ({@link MqchatClient#reply}); null when it answers none
 * @param forwarded    true when the sender forwarded it from another conversation ({@link MqchatClient#forward})
 * @param editedAt     when the sender last edited it (server time), the edit {@code text} holds; null if never
 * @param deleted      true when it was deleted for everyone: a tombstone without text, image, quote, mentions or
 *                     reactions
 * @param reactions    each participant's reaction, user id to emoji; empty when there are none
 */
public record Message(String id, String from, String to, String text, Instant sentAt, boolean sentByMe,
                      Conversation conversation, Duration timer, Instant expiresAt, Origin origin, ImageRef image,
                      List<String> mentions, Quote quote, boolean forwarded, Instant editedAt, boolean deleted,
                      Map<String, String> reactions) {

    /** How a message reached this device. */
    public enum Origin {
        /** Pushed by the server as it was routed, or queued for this device while it was offline. */
        LIVE,
        /** Fetched from the server's archive by the automatic catch-up: it had not reached this device otherwise. */
        CATCH_UP,
        /** In a {@link io.mqchat.client.history.HistoryPage} the app asked for. */
        HISTORY
    }

    public Message {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        reactions = reactions == null ? Map.of() : Map.copyOf(reactions);
    }

    /** A message that was never edited, deleted or reacted to, as this record was before such changes existed. */
    public Message(String id, String from, String to, String text, Instant sentAt, boolean sentByMe,
                   Conversation conversation, Duration timer, Instant expiresAt, Origin origin, ImageRef image,
                   List<String> mentions, Quote quote, boolean forwarded) {
        this(id, from, to, text, sentAt, sentByMe, conversation, timer, expiresAt, origin, image, mentions, quote,
                forwarded, null, false, Map.of());
    }

    /** A message that mentions nobody and answers none, as this record was before mentions existed. */
    public Message(String id, String from, String to, String text, Instant sentAt, boolean sentByMe,
                   Conversation conversation, Duration timer, Instant expiresAt, Origin origin, ImageRef image) {
        this(id, from, to, text, sentAt, sentByMe, conversation, timer, expiresAt, origin, image, List.of(), null,
                false);
    }

    /** A message without an image, as this record was before image sharing existed. */
    public Message(String id, String from, String to, String text, Instant sentAt, boolean sentByMe,
                   Conversation conversation, Duration timer, Instant expiresAt, Origin origin) {
        this(id, from, to, text, sentAt, sentByMe, conversation, timer, expiresAt, origin, null);
    }

    /** A live, permanent text message, as this record was before disappearing messages existed. */
    public Message(String id, String from, String to, String text, Instant sentAt, boolean sentByMe,
                   Conversation conversation) {
        this(id, from, to, text, sentAt, sentByMe, conversation, null, null, Origin.LIVE);
    }

    /** A live, permanent 1-1 text message, as this record was before groups existed. */
    public Message(String id, String from, String to, String text, Instant sentAt, boolean sentByMe) {
        this(id, from, to, text, sentAt, sentByMe, Conversation.with(sentByMe ? to : from));
    }

    /**
     * The other party of a 1-1 conversation: the sender, or for {@link #sentByMe()} copies the recipient.
     * In a group this is the sender, or null for copies; use {@link #conversation()} there.
     */
    public String peer() {
        return sentByMe ? to : from;
    }

    /** The group this message was sent to, if it is a group message. */
    public Optional<String> group() {
        return conversation instanceof Conversation.InGroup in ? Optional.of(in.groupId()) : Optional.empty();
    }

    /** True for a message sharing an image; {@link #image()} has it. */
    public boolean isImage() {
        return image != null;
    }

    /** True for a change of the conversation's disappearing timer; {@link #timer()} has the new value. */
    public boolean isTimerChange() {
        return timer != null;
    }

    /** When the sender last edited the message, if it did (as far as the archive knew when it was fetched). */
    public Optional<Instant> edited() {
        return Optional.ofNullable(editedAt);
    }

    /** The message's position in its conversation, for ordering and for paging history around it. */
    public Cursor cursor() {
        return Cursor.of(this);
    }
}
