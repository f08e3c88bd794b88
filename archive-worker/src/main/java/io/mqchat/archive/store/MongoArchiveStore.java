package io.mqchat.archive.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;
import static com.mongodb.client.model.Updates.unset;
import static io.mqchat.archive.store.ArchiveDocuments.BODY;
import static io.mqchat.archive.store.ArchiveDocuments.CONV;
import static io.mqchat.archive.store.ArchiveDocuments.CONVERSATIONS;
import static io.mqchat.archive.store.ArchiveDocuments.DELETED;
import static io.mqchat.archive.store.ArchiveDocuments.EDITED;
import static io.mqchat.archive.store.ArchiveDocuments.EXPIRES;
import static io.mqchat.archive.store.ArchiveDocuments.FORWARDED;
import static io.mqchat.archive.store.ArchiveDocuments.FROM;
import static io.mqchat.archive.store.ArchiveDocuments.GROUP;
import static io.mqchat.archive.store.ArchiveDocuments.ID;
import static io.mqchat.archive.store.ArchiveDocuments.MEDIA;
import static io.mqchat.archive.store.ArchiveDocuments.MEDIA_ID;
import static io.mqchat.archive.store.ArchiveDocuments.MEDIA_SHARED;
import static io.mqchat.archive.store.ArchiveDocuments.MEMBER;
import static io.mqchat.archive.store.ArchiveDocuments.MEMBERSHIP_EVENT;
import static io.mqchat.archive.store.ArchiveDocuments.MEMBERSHIP_TS;
import static io.mqchat.archive.store.ArchiveDocuments.MENTIONS;
import static io.mqchat.archive.store.ArchiveDocuments.MESSAGES;
import static io.mqchat.archive.store.ArchiveDocuments.MID;
import static io.mqchat.archive.store.ArchiveDocuments.PARTICIPANTS;
import static io.mqchat.archive.store.ArchiveDocuments.REACTIONS;
import static io.mqchat.archive.store.ArchiveDocuments.REACTION_EMOJI;
import static io.mqchat.archive.store.ArchiveDocuments.REACTION_USER;
import static io.mqchat.archive.store.ArchiveDocuments.READ;
import static io.mqchat.archive.store.ArchiveDocuments.READ_PRIVATE;
import static io.mqchat.archive.store.ArchiveDocuments.REPLY;
import static io.mqchat.archive.store.ArchiveDocuments.SINCE;
import static io.mqchat.archive.store.ArchiveDocuments.TIMER;
import static io.mqchat.archive.store.ArchiveDocuments.TIMER_SECONDS;
import static io.mqchat.archive.store.ArchiveDocuments.TO;
import static io.mqchat.archive.store.ArchiveDocuments.TS;
import static io.mqchat.archive.store.ArchiveDocuments.UPDATED;
import static io.mqchat.archive.store.ArchiveDocuments.USER;
import static io.mqchat.archive.store.ArchiveDocuments.WITH;
import static io.mqchat.archive.store.MongoCalls.call;
import static io.mqchat.archive.store.MongoCalls.unlessDuplicate;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import io.mqchat.privacy.MongoPrivacyStore;
import io.mqchat.privacy.PrivacyStore;
import io.mqchat.privacy.PrivacyUnavailableException;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.ConversationSummary;
import io.mqchat.protocol.Cursor;
import io.mqchat.protocol.GroupEvent;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.MessageRef;
import io.mqchat.protocol.SettingsChange;
import io.mqchat.protocol.UserSettings;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive in MongoDB (see {@link ArchiveDocuments} for the documents). Messages are inserted under a key made of
 * conversation, sender and id, so a message delivered again is not stored twice, and a group message is stored once
 * for the whole group. Conversation state is kept with single-document updates that only move forward
 * ({@code $max}, or a conditional upsert whose condition says "older than this"), so re-delivered and reordered feed
 * items end in the same state. Disappearing messages carry an {@code expires} Date under a TTL index; reads filter
 * them out themselves, because MongoDB's TTL monitor runs about once a minute and the embedded store never does.
 */
public final class MongoArchiveStore implements ArchiveStore {

    private static final Logger LOG = LoggerFactory.getLogger(MongoArchiveStore.class);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> conversations;
    private final MongoCollection<Document> participants;
    private final PrivacyStore privacy;
    private final MongoCollection<Document> parked;
    private final ConversationReads reads;
    private final Uploads uploads;
    private volatile boolean indexed;

    /**
     * An archive whose image messages share their image only when the media endpoint's records in the same
     * database say the sender uploaded it.
     *
     * @param database the database of the archive's collections (the groups' database)
     */
    public MongoArchiveStore(MongoDatabase database) {
        this(database, new MediaStoreUploads(database));
    }

    /**
     * @param database the database of the archive's collections (the groups' database)
     * @param uploads  who uploaded which image
     */
    public MongoArchiveStore(MongoDatabase database, Uploads uploads) {
        this.uploads = uploads;
        // Majority: a feed item is acknowledged once archived, and the archive is then its only copy.
        MongoDatabase durable = database.withWriteConcern(WriteConcern.MAJORITY);
        this.messages = durable.getCollection(MESSAGES);
        this.conversations = durable.getCollection(CONVERSATIONS);
        this.participants = durable.getCollection(PARTICIPANTS);
        this.privacy = new MongoPrivacyStore(durable);
        this.parked = durable.getCollection(ArchiveDocuments.PARKED);
        this.reads = new ConversationReads(messages, conversations, participants);
    }

    @Override
    public void ensureIndexes() {
        call(() -> messages.createIndex(Indexes.ascending(CONV, TS, FROM, MID),
                new IndexOptions().name("conversation_order")));
        // Deletes a disappearing message once its Date has passed; documents without the field are permanent.
        call(() -> messages.createIndex(Indexes.ascending(EXPIRES),
                new IndexOptions().name("disappearing").expireAfter(0L, TimeUnit.SECONDS)));
        call(() -> participants.createIndex(Indexes.ascending(USER), new IndexOptions().name("by_user")));
        call(() -> parked.createIndex(Indexes.ascending(ArchiveDocuments.TARGET), new IndexOptions().name("by_target")));
        call(() -> parked.createIndex(Indexes.ascending(ArchiveDocuments.PARKED_AT),
                new IndexOptions().name("by_age")));
        // A group's members, for every edit, delete and reaction in it.
        call(() -> participants.createIndex(Indexes.ascending(CONV, MEMBER), new IndexOptions().name("by_conversation")));
        call(() -> messages.createIndex(Indexes.ascending(MEDIA_ID),
                new IndexOptions().name("by_media").sparse(true)));
        indexed = true;
    }

    @Override
    public void archive(ChatMessage message, long now) {
        ensureIndexedOnce();
        ConversationKey conversation = ConversationKey.of(message);
        // A 1-1 message to a user who blocked its sender is kept for the sender only, even after an unblock.
        String hiddenFrom = !conversation.isGroup() && settings(message.to()).blocks(message.from()) ? message.to()
                : null;
        if (!conversation.isGroup()) {
            // Group participants come from membership events; 1-1 ones from the conversation's messages.
            joinDirect(message.from(), conversation);
            if (hiddenFrom == null) {
                joinDirect(message.to(), conversation);
            }
        }
        // Its uploader shares an image, and so does whoever may see it already (forwarding it), but never someone who
        // merely knows its id.
        boolean sharesImage = message.media() != null && (uploads.uploadedBy(message.from(), message.media().id())
                || sharedWith(message.from(), message.media().id(), now));
        unlessDuplicate(() -> messages.insertOne(ArchiveDocuments.message(conversation, message, sharesImage,
                hiddenFrom)));
        // Also after a duplicate: an earlier delivery may have stopped between the insert and this update. A hidden
        // message changes the sender's side only: the blocker's list must not move with it.
        if (hiddenFrom == null) {
            call(() -> conversations.updateOne(eq(ID, conversation.id()), max(UPDATED, now), UPSERT));
        } else {
            call(() -> participants.updateOne(eq(ID, ArchiveDocuments.participantId(message.from(), conversation)),
                    max(UPDATED, now)));
        }
        if (message.isTimerChange() && message.timer() != null) {
            Cursor position = Cursor.of(message);
            unlessDuplicate(() -> conversations.updateOne(
                    and(eq(ID, conversation.id()), or(exists(TIMER, false), CursorOrder.before(TIMER + ".", position))),
                    set(TIMER, ArchiveDocuments.cursor(position).append(TIMER_SECONDS, message.timer())), UPSERT));
        }
    }

    @Override
    public void markRead(ConversationKey conversation, String reader, String upTo, boolean shared, long markedAt,
                         long now) {
        Document marked = call(() -> messages.find(and(eq(CONV, conversation.id()), eq(MID, upTo)))
                .sort(CursorOrder.newestFirst()).first());
        Cursor position = marked != null ? Cursor.of(ArchiveDocuments.message(marked))
                : new Cursor(markedAt, reader, upTo);
        unlessDuplicate(() -> participants.updateOne(
                and(eq(ID, ArchiveDocuments.participantId(reader, conversation)),
                        or(exists(READ, false), CursorOrder.before(READ + ".", position))),
                combine(participantIdentity(reader, conversation), set(READ, ArchiveDocuments.cursor(position)),
                        // The peer sees only the shared position: a private read changes nothing it can see.
                        shared ? set(ArchiveDocuments.SHARED_READ, ArchiveDocuments.cursor(position))
                                : set(READ_PRIVATE, true), max(UPDATED, now)), UPSERT));
        if (!conversation.isGroup() && shared) {
            // The peer sees this mark as its peerRead: the conversation changed for both (not so for a private one,
            // whose time alone would tell the peer that something was read).
            call(() -> conversations.updateOne(eq(ID, conversation.id()), max(UPDATED, now), UPSERT));
        }
    }

    @Override
    public void applyGroupEvent(GroupEvent event, long now) {
        boolean joins = GroupEvent.CREATED.equals(event.event()) || GroupEvent.ADDED.equals(event.event());
        boolean leaves = GroupEvent.REMOVED.equals(event.event()) || GroupEvent.LEFT.equals(event.event());
        if (!joins && !leaves || event.members() == null) {
            return;
        }
        ConversationKey conversation = ConversationKey.group(event.group());
        for (String user : event.members()) {
            Bson newer = or(exists(MEMBERSHIP_TS, false), lt(MEMBERSHIP_TS, event.ts()),
                    and(eq(MEMBERSHIP_TS, event.ts()), lt(MEMBERSHIP_EVENT, event.id())));
            Bson change = joins ? combine(set(MEMBER, true), set(SINCE, event.ts())) : set(MEMBER, false);
            unlessDuplicate(() -> participants.updateOne(
                    and(eq(ID, ArchiveDocuments.participantId(user, conversation)), newer),
                    combine(participantIdentity(user, conversation), change, set(MEMBERSHIP_TS, event.ts()),
                            set(MEMBERSHIP_EVENT, event.id()), max(UPDATED, now)), UPSERT));
        }
    }

    @Override
    public OptionalLong memberSince(String user, String group) {
        return reads.memberSince(user, group);
    }

    @Override
    public Page page(PageQuery query, long now) {
        return reads.page(query, now);
    }

    @Override
    public List<ConversationSummary> conversations(String user, Long since, long now) {
        return reads.conversations(user, since, now);
    }

    @Override
    public int unreadTotal(String user, ConversationKey except, long now) {
        return reads.unreadTotal(user, except, now);
    }

    @Override
    public int unreadThrough(String user, ConversationKey conversation, Cursor message, long now) {
        return reads.unreadThrough(user, conversation, message, now);
    }

    @Override
    public boolean sharedWith(String user, String mediaId, long now) {
        Bson shared = and(eq(MEDIA_ID, mediaId), eq(MEDIA_SHARED, true), notExpired(now));
        if (call(() -> messages.find(and(shared, exists(TO, true), or(eq(FROM, user), eq(TO, user))))
                .limit(1).first()) != null) {
            return true;
        }
        // In a group: only messages sent during the user's current membership, as history sync reads them.
        List<Bson> periods = new ArrayList<>();
        for (Document membership : call(() -> participants.find(and(eq(USER, user), eq(MEMBER, true),
                exists(GROUP, true))).into(new ArrayList<>()))) {
            periods.add(and(eq(GROUP, membership.getString(GROUP)),
                    gte(TS, ArchiveDocuments.longOf(membership, SINCE))));
        }
        return !periods.isEmpty()
                && call(() -> messages.find(and(shared, or(periods))).limit(1).first()) != null;
    }

    @Override
    public boolean isShared(String mediaId, long now) {
        return call(() -> messages.find(and(eq(MEDIA_ID, mediaId), eq(MEDIA_SHARED, true), notExpired(now)))
                .limit(1).first()) != null;
    }

    private static Bson notExpired(long now) {
        return or(exists(EXPIRES, false), gt(EXPIRES, new Date(now)));
    }

    @Override
    public Optional<ChatMessage> message(ConversationKey conversation, MessageRef target, long now) {
        Document found = call(() -> messages.find(and(
                eq(ID, ArchiveDocuments.messageId(conversation, target.from(), target.id())), notExpired(now))).first());
        return Optional.ofNullable(found).map(ArchiveDocuments::message);
    }

    @Override
    public boolean edit(ConversationKey conversation, MessageRef target, String body, long editedAt, long now) {
        // At the same time too: the same edit delivered again applies again, and changes nothing.
        boolean applied = call(() -> messages.updateOne(and(
                        eq(ID, ArchiveDocuments.messageId(conversation, target.from(), target.id())),
                        exists(DELETED, false), or(exists(EDITED, false), lte(EDITED, editedAt))),
                combine(set(BODY, body), set(EDITED, editedAt))).getMatchedCount()) > 0;
        touch(conversation, now);
        return applied;
    }

    @Override
    public void delete(ConversationKey conversation, MessageRef target, long now) {
        // The image goes with the message: once no message shares it, the media endpoint's collection removes it.
        call(() -> messages.updateOne(eq(ID, ArchiveDocuments.messageId(conversation, target.from(), target.id())),
                combine(set(DELETED, true), unset(BODY), unset(MEDIA), unset(MEDIA_SHARED), unset(REPLY),
                        unset(MENTIONS), unset(FORWARDED), unset(EDITED), unset(REACTIONS))));
        touch(conversation, now);
    }

    @Override
    public void react(ConversationKey conversation, MessageRef target, String user, String emoji, long now) {
        Bson message = eq(ID, ArchiveDocuments.messageId(conversation, target.from(), target.id()));
        // Two single-document steps, each idempotent: a redelivered reaction ends the same.
        call(() -> messages.updateOne(message, pull(REACTIONS, new Document(REACTION_USER, user))));
        if (emoji != null) {
            call(() -> messages.updateOne(and(message, exists(DELETED, false)),
                    push(REACTIONS, new Document(REACTION_USER, user).append(REACTION_EMOJI, emoji))));
        }
        touch(conversation, now);
    }

    @Override
    public List<String> membersSince(String group, long ts) {
        List<String> members = new ArrayList<>();
        for (Document participant : call(() -> participants.find(and(eq(CONV, ConversationKey.group(group).id()),
                eq(MEMBER, true), lte(SINCE, ts))).into(new ArrayList<>()))) {
            members.add(participant.getString(USER));
        }
        return members;
    }

    /** The conversation changed: the conversation list brings it up again (its {@code updated}). */
    private void touch(ConversationKey conversation, long now) {
        call(() -> conversations.updateOne(eq(ID, conversation.id()), max(UPDATED, now), UPSERT));
    }

    @Override
    public void park(ConversationKey conversation, MessageChange change, long now) {
        ensureIndexedOnce();
        unlessDuplicate(() -> parked.insertOne(ArchiveDocuments.parked(conversation, change, now)));
    }

    @Override
    public List<MessageChange> parkedFor(ConversationKey conversation, MessageRef target) {
        List<MessageChange> changes = new ArrayList<>();
        for (Document doc : call(() -> parked.find(eq(ArchiveDocuments.TARGET,
                        ArchiveDocuments.messageId(conversation, target.from(), target.id())))
                .sort(new Document(TS, 1).append(MID, 1)).into(new ArrayList<>()))) {
            changes.add(ArchiveDocuments.parked(doc));
        }
        return changes;
    }

    @Override
    public void unpark(ConversationKey conversation, MessageChange change) {
        call(() -> parked.deleteOne(eq(ID, ArchiveDocuments.parkedId(conversation, change))));
    }

    @Override
    public boolean claimParked(ConversationKey conversation, MessageChange change, long now) {
        return call(() -> parked.findOneAndUpdate(and(eq(ID, ArchiveDocuments.parkedId(conversation, change)),
                unclaimed(now)), set(ArchiveDocuments.CLAIMED_AT, now))) != null;
    }

    @Override
    public Optional<MessageChange> claimParkedBefore(long parkedBefore, long now) {
        Document claimed = call(() -> parked.findOneAndUpdate(and(lte(ArchiveDocuments.PARKED_AT, parkedBefore),
                unclaimed(now)), set(ArchiveDocuments.CLAIMED_AT, now)));
        return Optional.ofNullable(claimed).map(ArchiveDocuments::parked);
    }

    @Override
    public OptionalLong oldestParkedAt() {
        Document oldest = call(() -> parked.find().sort(new Document(ArchiveDocuments.PARKED_AT, 1)).limit(1).first());
        Long parkedAt = oldest == null ? null : ArchiveDocuments.longOf(oldest, ArchiveDocuments.PARKED_AT);
        return parkedAt == null ? OptionalLong.empty() : OptionalLong.of(parkedAt);
    }

    private static Bson unclaimed(long now) {
        return or(exists(ArchiveDocuments.CLAIMED_AT, false),
                lte(ArchiveDocuments.CLAIMED_AT, now - CLAIM_LEASE_MILLIS));
    }

    @Override
    public UserSettings settings(String user) {
        return privately(() -> privacy.settings(user));
    }

    @Override
    public UserSettings changeSettings(String user, SettingsChange change, long now) {
        return privately(() -> privacy.change(user, change, now));
    }

    private static <T> T privately(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (PrivacyUnavailableException e) {
            throw new ArchiveUnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public long deleteExpired(long now) {
        return call(() -> messages.deleteMany(lte(EXPIRES, new Date(now))).getDeletedCount());
    }

    private void joinDirect(String user, ConversationKey conversation) {
        call(() -> participants.updateOne(eq(ID, ArchiveDocuments.participantId(user, conversation)),
                participantIdentity(user, conversation), UPSERT));
    }

    private static Bson participantIdentity(String user, ConversationKey conversation) {
        return combine(setOnInsert(USER, user), setOnInsert(CONV, conversation.id()), conversation.isGroup()
                ? setOnInsert(GROUP, conversation.group()) : setOnInsert(WITH, conversation.peerOf(user)));
    }

    private void ensureIndexedOnce() {
        if (!indexed) {
            try {
                ensureIndexes();
            } catch (ArchiveUnavailableException e) {
                LOG.warn("could not create the archive indexes yet, will retry: {}", e.getMessage());
            }
        }
    }
}
