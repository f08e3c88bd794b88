package io.mqchat.archive.store;

import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.ConversationSummary;
import io.mqchat.protocol.Cursor;
import io.mqchat.protocol.GroupEvent;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.MessageRef;
import io.mqchat.protocol.SettingsChange;
import io.mqchat.protocol.UserSettings;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The message archive: every routed 1-1 and group message, read marks and group membership periods, and the
 * queries history sync answers from. Every write is idempotent and tolerates any order of delivery, because the
 * feed is at least once and comes from several publishers; every write touches one document, because the embedded
 * store has no multi-document transactions.
 *
 * <p>Reads never return a message that has disappeared at {@code now}, whether or not it was deleted yet. Every
 * method throws {@link ArchiveUnavailableException} when the store cannot be reached.
 */
public interface ArchiveStore {

    /** Creates the indexes if they are missing; safe to call again. */
    void ensureIndexes();

    /**
     * Archives a stamped message (1-1 when {@code to} is set, else group) once, however often it is delivered. A 1-1
     * message to a user who blocked its sender is kept for the sender alone: the recipient's pages, list and unread
     * counts never show it, also after an unblock.
     *
     * @param now the archive's time, recorded as the conversation's last change
     */
    void archive(ChatMessage message, long now);

    /**
     * Moves {@code reader}'s read mark in {@code conversation} forward to message {@code upTo}; a mark never moves
     * back. When the archive does not hold that message, the mark stands at the marker's own time.
     *
     * @param markedAt the server time of the read marker
     * @param now      the archive's time, recorded as the last change
     */
    default void markRead(ConversationKey conversation, String reader, String upTo, long markedAt, long now) {
        markRead(conversation, reader, upTo, true, markedAt, now);
    }

    /**
     * As {@link #markRead(ConversationKey, String, String, long, long)}; a mark the reader does not share (read
     * receipts off) is kept for the reader's own unread counts, and the peer's conversation list shows no read
     * position of it until the reader shares one again.
     */
    void markRead(ConversationKey conversation, String reader, String upTo, boolean shared, long markedAt, long now);

    /**
     * Applies a group membership change: {@code created} and {@code added} start a membership of the named members
     * at the event's time, {@code removed} and {@code left} end it; an older event never undoes a newer one.
     */
    void applyGroupEvent(GroupEvent event, long now);

    /** When {@code user}'s current membership of {@code group} started; empty when it is not a member. */
    OptionalLong memberSince(String user, String group);

    /** A page of a conversation as seen at {@code now}. */
    Page page(PageQuery query, long now);

    /**
     * {@code user}'s conversations (1-1 ones, and groups it currently belongs to) as seen at {@code now}, oldest
     * change first; with {@code since}, only those changed at or after it. Unread counts are bounded (at most
     * 1000), so that a reader far behind costs one bounded query.
     */
    List<ConversationSummary> conversations(String user, Long since, long now);

    /**
     * How many messages of others {@code user} has not read in all its conversations but {@code except} (null:
     * all), as seen at {@code now}: the list's counts summed, without the rest of the list.
     */
    int unreadTotal(String user, ConversationKey except, long now);

    /**
     * How many messages of others {@code user} has not read in {@code conversation} up to and including
     * {@code message}, which counts whether it is stored yet or not (bounded like the list's counts; 0 in a group
     * the user is not in).
     */
    int unreadThrough(String user, ConversationKey conversation, Cursor message, long now);

    /**
     * True when {@code user} may download image {@code mediaId} at {@code now}: a message that has not disappeared
     * shared it in a 1-1 conversation of the user, or in a group the user is a member of, sent during its current
     * membership (the rules of history sync).
     */
    boolean sharedWith(String user, String mediaId, long now);

    /** True when a message that has not disappeared at {@code now} carries image {@code mediaId}. */
    boolean isShared(String mediaId, long now);

    /**
     * The message {@code target} of {@code conversation} as it stands (edited, deleted, reactions), or empty when the
     * archive never held it or it has disappeared at {@code now}.
     */
    Optional<ChatMessage> message(ConversationKey conversation, MessageRef target, long now);

    /**
     * Replaces the text of message {@code target} by {@code body}, marked edited at {@code editedAt}, unless a later
     * edit (or a delete) is already applied; {@code now} is recorded as the conversation's last change (as for the
     * delete and the reaction below). Applying the same edit again is harmless.
     *
     * @return true when the message now holds this edit's text, false when a later edit or a delete stands
     */
    boolean edit(ConversationKey conversation, MessageRef target, String body, long editedAt, long now);

    /** Leaves a tombstone of message {@code target}: no text, image, quote, mentions or reactions. */
    void delete(ConversationKey conversation, MessageRef target, long now);

    /** Sets {@code user}'s reaction to message {@code target} to {@code emoji}; null takes it away. */
    void react(ConversationKey conversation, MessageRef target, String user, String emoji, long now);

    /**
     * The current members of {@code group} (as the archive knows them from the membership events) who were members
     * at {@code ts}: those who may read a message sent then.
     */
    List<String> membersSince(String group, long ts);

    /**
     * Keeps a stamped change whose message the archive does not hold yet, until {@link #parkedFor} hands it over:
     * with several nodes a change can reach the archive before its message, routed on another node.
     */
    void park(ConversationKey conversation, MessageChange change, long now);

    /** The parked changes of message {@code target}, oldest first. */
    List<MessageChange> parkedFor(ConversationKey conversation, MessageRef target);

    /** Forgets a parked change once it was handled. */
    void unpark(ConversationKey conversation, MessageChange change);

    /**
     * Claims a parked change for one caller at {@code now}: true unless another holds it. A claim lapses after
     * {@link #CLAIM_LEASE_MILLIS}, so a change whose handler died is handled again; the handler unparks it when done.
     */
    boolean claimParked(ConversationKey conversation, MessageChange change, long now);

    /** Claims, as {@link #claimParked}, one change parked at or before {@code parkedBefore}; empty when none is. */
    Optional<MessageChange> claimParkedBefore(long parkedBefore, long now);

    /** When the change parked longest ago was parked; empty when none waits. */
    OptionalLong oldestParkedAt();

    /** How long a claim of a parked change holds. */
    long CLAIM_LEASE_MILLIS = 60_000;

    /** {@code user}'s privacy settings; {@link UserSettings#DEFAULTS} until it changed one. */
    UserSettings settings(String user);

    /**
     * Changes {@code user}'s settings as {@code change} says (the fields it sets) and returns them as they now stand.
     *
     * @throws io.mqchat.privacy.TooManyBlockedException when it would block more users than allowed
     */
    UserSettings changeSettings(String user, SettingsChange change, long now);

    /** Deletes the messages that have disappeared at {@code now}; returns how many. */
    long deleteExpired(long now);
}
