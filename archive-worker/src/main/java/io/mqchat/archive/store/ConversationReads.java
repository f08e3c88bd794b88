package io.mqchat.archive.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static io.mqchat.archive.store.ArchiveDocuments.BODY;
import static io.mqchat.archive.store.ArchiveDocuments.CONV;
import static io.mqchat.archive.store.ArchiveDocuments.DELETED;
import static io.mqchat.archive.store.ArchiveDocuments.EXPIRES;
import static io.mqchat.archive.store.ArchiveDocuments.FROM;
import static io.mqchat.archive.store.ArchiveDocuments.GROUP;
import static io.mqchat.archive.store.ArchiveDocuments.HIDDEN_FROM;
import static io.mqchat.archive.store.ArchiveDocuments.ID;
import static io.mqchat.archive.store.ArchiveDocuments.MEMBER;
import static io.mqchat.archive.store.ArchiveDocuments.READ;
import static io.mqchat.archive.store.ArchiveDocuments.READ_PRIVATE;
import static io.mqchat.archive.store.ArchiveDocuments.SINCE;
import static io.mqchat.archive.store.ArchiveDocuments.TIMER;
import static io.mqchat.archive.store.ArchiveDocuments.TIMER_SECONDS;
import static io.mqchat.archive.store.ArchiveDocuments.TS;
import static io.mqchat.archive.store.ArchiveDocuments.UPDATED;
import static io.mqchat.archive.store.ArchiveDocuments.USER;
import static io.mqchat.archive.store.ArchiveDocuments.WITH;
import static io.mqchat.archive.store.MongoCalls.call;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.ConversationSummary;
import io.mqchat.protocol.Cursor;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The archive's queries: pages of a conversation and a user's conversation list. Every query is a range on the
 * conversation and the cursor fields with a sort and a limit, which MongoDB serves from the conversation index and
 * the embedded store (which ignores secondary indexes) can still scan at development scale.
 */
final class ConversationReads {

    /** Unread counts stop here ("1000+"): the count is a bounded query, however far behind a reader is. */
    static final int UNREAD_LIMIT = HistoryResponse.UNREAD_LIMIT;

    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> conversations;
    private final MongoCollection<Document> participants;

    ConversationReads(MongoCollection<Document> messages, MongoCollection<Document> conversations,
                      MongoCollection<Document> participants) {
        this.messages = messages;
        this.conversations = conversations;
        this.participants = participants;
    }

    OptionalLong memberSince(String user, String group) {
        Document participant = call(() -> participants.find(
                eq(ID, ArchiveDocuments.participantId(user, ConversationKey.group(group)))).first());
        return isMember(participant) ? OptionalLong.of(ArchiveDocuments.longOf(participant, SINCE))
                : OptionalLong.empty();
    }

    Page page(PageQuery query, long now) {
        List<Bson> filter = new ArrayList<>(visible(query.reader(), query.conversation(), query.notBefore(), now));
        if (query.before() != null) {
            filter.add(CursorOrder.before("", query.before()));
        }
        if (query.after() != null) {
            filter.add(CursorOrder.after("", query.after()));
        }
        // One more than asked tells whether there are more, without a count.
        List<ChatMessage> found = call(() -> messages.find(and(filter))
                .sort(query.forward() ? CursorOrder.oldestFirst() : CursorOrder.newestFirst())
                .limit(query.limit() + 1)
                .map(ArchiveDocuments::message)
                .into(new ArrayList<>()));
        boolean more = found.size() > query.limit();
        List<ChatMessage> page = new ArrayList<>(found.subList(0, Math.min(found.size(), query.limit())));
        if (!query.forward()) {
            Collections.reverse(page);
        }
        return new Page(withQuotes(query.reader(), query.conversation(), page, query.notBefore(), now), more);
    }

    /**
     * The messages with each reply's quote as a reader who may see the conversation from {@code notBefore} on sees
     * it at {@code now}: with the quoted message's own excerpt, without one where the reader may not read that
     * message, and gone where it is no longer in the conversation (disappeared or deleted) or hidden from the reader.
     * One query for all of them.
     */
    private List<ChatMessage> withQuotes(String reader, ConversationKey conversation, List<ChatMessage> page,
                                         long notBefore, long now) {
        List<String> quoted = page.stream().filter(message -> message.reply() != null)
                .map(message -> quotedId(conversation, message)).distinct().toList();
        if (quoted.isEmpty()) {
            return page;
        }
        Map<String, Document> originals = new HashMap<>();
        Bson notHidden = reader == null ? exists(ID) : ne(HIDDEN_FROM, reader);
        call(() -> messages.find(and(in(ID, quoted), exists(DELETED, false), notHidden,
                        or(exists(EXPIRES, false), gt(EXPIRES, new Date(now)))))
                .projection(new Document(ID, 1).append(TS, 1).append(BODY, 1)).into(new ArrayList<>()))
                .forEach(doc -> originals.put(doc.getString(ID), doc));
        return page.stream().map(message -> {
            if (message.reply() == null) {
                return message;
            }
            Reply reply = message.reply();
            Document original = originals.get(quotedId(conversation, message));
            if (original == null) {
                return message.replying(reply.withOriginalGone());
            }
            boolean readable = longOr(original, TS) >= notBefore;
            return message.replying(Reply.to(reply.id(), reply.from(),
                    readable ? Reply.excerptOf(original.getString(BODY)) : null));
        }).toList();
    }

    private static String quotedId(ConversationKey conversation, ChatMessage reply) {
        return ArchiveDocuments.messageId(conversation, reply.reply().from(), reply.reply().id());
    }

    List<ConversationSummary> conversations(String user, Long since, long now) {
        List<Document> mine = mine(user);
        Map<String, Document> states = byId(conversations, mine.stream().map(p -> p.getString(CONV)).toList());
        Map<String, Document> peers = byId(participants, mine.stream().filter(p -> p.getString(WITH) != null)
                .map(p -> ArchiveDocuments.participantId(p.getString(WITH), directOf(user, p))).toList());
        List<ConversationSummary> summaries = new ArrayList<>();
        for (Document participant : mine) {
            ConversationKey conversation = keyOf(user, participant);
            Document state = states.get(conversation.id());
            long updated = Math.max(longOr(state, UPDATED), longOr(participant, UPDATED));
            if (since != null && updated < since) {
                continue;
            }
            Document peer = conversation.isGroup() ? null
                    : peers.get(ArchiveDocuments.participantId(conversation.peerOf(user), conversation));
            summaries.add(summary(user, conversation, participant, state, peer, updated, now));
        }
        summaries.sort(Comparator.comparingLong(ConversationSummary::updated));
        return summaries;
    }

    int unreadTotal(String user, ConversationKey except, long now) {
        long total = 0;
        for (Document participant : mine(user)) {
            ConversationKey conversation = keyOf(user, participant);
            if (!conversation.equals(except)) {
                total += unread(user, conversation, participant, null, now);
            }
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    int unreadThrough(String user, ConversationKey conversation, Cursor message, long now) {
        Document participant = call(() -> participants.find(
                eq(ID, ArchiveDocuments.participantId(user, conversation))).first());
        if (conversation.isGroup() && !isMember(participant)) {
            return 0;
        }
        Cursor read = ArchiveDocuments.cursor(participant, READ);
        boolean messageRead = read != null && read.compareTo(message) >= 0;
        return unread(user, conversation, participant, message, now) + (messageRead ? 0 : 1);
    }

    /**
     * Messages of others in {@code conversation} after {@code user}'s read mark (and before {@code before}, when
     * given) that the user may see at {@code now}, counted up to {@link #UNREAD_LIMIT}.
     */
    private int unread(String user, ConversationKey conversation, Document participant, Cursor before, long now) {
        long notBefore = conversation.isGroup() ? longOr(participant, SINCE) : 0;
        List<Bson> unread = new ArrayList<>(visible(user, conversation, notBefore, now));
        unread.add(ne(FROM, user));
        Cursor read = ArchiveDocuments.cursor(participant, READ);
        if (read != null) {
            unread.add(CursorOrder.after("", read));
        }
        if (before != null) {
            unread.add(CursorOrder.before("", before));
        }
        return (int) (long) call(() -> messages.countDocuments(and(unread), new CountOptions().limit(UNREAD_LIMIT)));
    }

    /** The user's conversations: its 1-1 ones, and the groups it is a member of. */
    private List<Document> mine(String user) {
        return call(() -> participants.find(eq(USER, user)).into(new ArrayList<>()))
                .stream().filter(p -> p.getString(GROUP) == null || isMember(p)).toList();
    }

    private static ConversationKey keyOf(String user, Document participant) {
        return participant.getString(GROUP) != null ? ConversationKey.group(participant.getString(GROUP))
                : directOf(user, participant);
    }

    private ConversationSummary summary(String user, ConversationKey conversation, Document participant,
                                        Document state, Document peer, long updated, long now) {
        long notBefore = conversation.isGroup() ? longOr(participant, SINCE) : 0;
        List<Bson> visible = visible(user, conversation, notBefore, now);
        ChatMessage newest = call(() -> messages.find(and(visible)).sort(CursorOrder.newestFirst())
                .limit(1).map(ArchiveDocuments::message).first());
        ChatMessage last = newest == null ? null
                : withQuotes(user, conversation, List.of(newest), notBefore, now).get(0);
        Cursor read = ArchiveDocuments.cursor(participant, READ);
        int unreadCount = unread(user, conversation, participant, null, now);
        Document timer = state == null ? null : state.get(TIMER, Document.class);
        int timerSeconds = timer == null ? 0 : Objects.requireNonNullElse(ArchiveDocuments.intOf(timer, TIMER_SECONDS), 0);
        // The newest position the peer shared; a mark from before shared positions were kept counts unless private.
        Cursor sharedRead = ArchiveDocuments.cursor(peer, ArchiveDocuments.SHARED_READ);
        Cursor peerRead = sharedRead != null || peer == null || Boolean.TRUE.equals(peer.getBoolean(READ_PRIVATE))
                ? sharedRead : ArchiveDocuments.cursor(peer, READ);
        return new ConversationSummary(conversation.isGroup() ? null : conversation.peerOf(user),
                conversation.group(), last, unreadCount, timerSeconds, read == null ? null : read.toString(),
                peerRead == null ? null : peerRead.toString(), updated);
    }

    /**
     * The messages of a conversation {@code reader} may see at {@code now}: from {@code notBefore} on, not
     * disappeared, not hidden from it (null: from nobody).
     */
    private static List<Bson> visible(String reader, ConversationKey conversation, long notBefore, long now) {
        List<Bson> filter = new ArrayList<>();
        filter.add(eq(CONV, conversation.id()));
        if (reader != null && !conversation.isGroup()) {
            filter.add(ne(HIDDEN_FROM, reader));
        }
        if (notBefore > 0) {
            filter.add(gte(TS, notBefore));
        }
        filter.add(or(exists(EXPIRES, false), gt(EXPIRES, new Date(now))));
        return filter;
    }

    private static Map<String, Document> byId(MongoCollection<Document> collection, List<String> ids) {
        Map<String, Document> found = new HashMap<>();
        if (!ids.isEmpty()) {
            call(() -> collection.find(in(ID, ids)).into(new ArrayList<>()))
                    .forEach(doc -> found.put(doc.getString(ID), doc));
        }
        return found;
    }

    private static ConversationKey directOf(String user, Document participant) {
        return ConversationKey.direct(user, participant.getString(WITH));
    }

    private static boolean isMember(Document participant) {
        return participant != null && Boolean.TRUE.equals(participant.getBoolean(MEMBER));
    }

    private static long longOr(Document doc, String field) {
        Long value = doc == null ? null : ArchiveDocuments.longOf(doc, field);
        return value == null ? 0 : value;
    }
}
