package io.mqchat.archive.store;

import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Cursor;
import io.mqchat.protocol.MediaRef;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.MessageRef;
import io.mqchat.protocol.Reply;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The shape of the archive's documents (all in the groups' database):
 * <ul>
 *   <li>{@value #MESSAGES}: one per message, {@code {_id: "{conversation}/{from}/{id}", conv, ts, from, mid, type,
 *       to?, group?, body?, ttl?, timer?, media?, mediaShared?, expires?, edited?, deleted?, reactions?: [{u, e}],
 *       hiddenFrom?}}; {@code hiddenFrom} names the recipient of a 1-1 message who had blocked its sender;
 *       {@code expires} is a Date, for the TTL index; {@code reactions} a list, since a user id may hold a dot; {@code media}
 *       the shared image's reference, its {@code id} indexed for media authorization; {@code mediaShared} whether
 *       the message grants access to it (its sender uploaded it).</li>
 *   <li>{@value #CONVERSATIONS}: one per conversation, {@code {_id: conversation, updated, timer?: {secs, ts, from,
 *       mid}}}: when it last changed and its newest timer message.</li>
 *   <li>{@value #PARTICIPANTS}: one per user and conversation, {@code {_id: "{user}/{conversation}", user, conv,
 *       with? | group?, read?: {ts, from, mid}, sharedRead?, readPrivate?, member?, since?, mts?, mev?, updated?}}:
 *       the user's read mark, the newest one it shared (what the peer sees; {@code readPrivate} once one was not) and,
 *       for a group, its current membership period ({@code mts}/{@code mev}: the membership event applied last).</li>
 *   <li>{@value #PARKED}: changes that came before their message, {@code {_id: "{target}/{from}/{id}", target: the
 *       message's _id, parkedAt, claimedAt?, type, mid, from, to?, group?, ts, targetId, targetFrom, body?, emoji?}}.</li>
 * </ul>
 * A conversation is {@code u/{a}/{b}} (the two users in order) or {@code g/{group}}, see {@link ConversationKey}.
 */
final class ArchiveDocuments {

    static final String MESSAGES = "archive_messages";
    static final String CONVERSATIONS = "archive_conversations";
    static final String PARTICIPANTS = "archive_participants";
    static final String PARKED = "archive_parked";
    static final String TARGET = "target";
    static final String PARKED_AT = "parkedAt";
    static final String CLAIMED_AT = "claimedAt";
    static final String HIDDEN_FROM = "hiddenFrom";

    static final String ID = "_id";
    static final String CONV = "conv";
    static final String TS = "ts";
    static final String FROM = "from";
    static final String MID = "mid";
    static final String TYPE = "type";
    static final String TO = "to";
    static final String GROUP = "group";
    static final String BODY = "body";
    static final String TTL = "ttl";
    static final String TIMER = "timer";
    static final String EXPIRES = "expires";
    static final String MEDIA = "media";
    static final String MEDIA_ID = "media.id";
    static final String MEDIA_SHARED = "mediaShared";
    static final String MENTIONS = "mentions";
    static final String REPLY = "reply";
    static final String FORWARDED = "forwarded";
    static final String EDITED = "edited";
    static final String DELETED = "deleted";
    static final String REACTIONS = "reactions";
    static final String REACTION_USER = "u";
    static final String REACTION_EMOJI = "e";

    static final String UPDATED = "updated";
    static final String TIMER_SECONDS = "secs";

    static final String USER = "user";
    static final String WITH = "with";
    static final String READ = "read";
    static final String READ_PRIVATE = "readPrivate";
    static final String SHARED_READ = "sharedRead";
    static final String MEMBER = "member";
    static final String SINCE = "since";
    static final String MEMBERSHIP_TS = "mts";
    static final String MEMBERSHIP_EVENT = "mev";

    private ArchiveDocuments() {
    }

    static String messageId(ConversationKey conversation, String from, String id) {
        return conversation.id() + "/" + from + "/" + id;
    }

    static String participantId(String user, ConversationKey conversation) {
        return user + "/" + conversation.id();
    }

    /**
     * @param sharesImage whether the message grants its conversation access to its image (its sender uploaded it)
     */
    static Document message(ConversationKey conversation, ChatMessage message, boolean sharesImage,
                            String hiddenFrom) {
        Document doc = new Document(ID, messageId(conversation, message.from(), message.id()))
                .append(CONV, conversation.id())
                .append(TS, message.ts())
                .append(FROM, message.from())
                .append(MID, message.id())
                .append(TYPE, message.type());
        appendIfSet(doc, TO, message.to());
        appendIfSet(doc, GROUP, message.group());
        appendIfSet(doc, BODY, message.body());
        appendIfSet(doc, TTL, message.ttl());
        appendIfSet(doc, TIMER, message.timer());
        appendIfSet(doc, MENTIONS, message.mentions());
        appendIfSet(doc, FORWARDED, message.forwarded());
        appendIfSet(doc, HIDDEN_FROM, hiddenFrom);
        if (message.reply() != null) {
            // Never the excerpt: readers get the quoted message's own text, while it is there (ConversationReads).
            doc.append(REPLY, new Document("id", message.reply().id()).append("from", message.reply().from()));
        }
        if (message.media() != null) {
            doc.append(MEDIA, media(message.media())).append(MEDIA_SHARED, sharesImage);
        }
        if (message.expiresAt() != null) {
            doc.append(EXPIRES, new Date(message.expiresAt()));
        }
        return doc;
    }

    /** The message as it was routed, with the edits, delete and reactions applied since. */
    static ChatMessage message(Document doc) {
        return new ChatMessage(doc.getString(TYPE), doc.getString(MID), doc.getString(FROM), doc.getString(TO),
                doc.getString(GROUP), longOf(doc, TS), doc.getString(BODY), intOf(doc, TTL), intOf(doc, TIMER),
                media(doc.get(MEDIA, Document.class)), doc.getList(MENTIONS, String.class),
                reply(doc.get(REPLY, Document.class)), doc.getBoolean(FORWARDED), longOf(doc, EDITED),
                doc.getBoolean(DELETED), reactions(doc.getList(REACTIONS, Document.class)));
    }

    private static Map<String, String> reactions(List<Document> stored) {
        if (stored == null) {
            return null;
        }
        Map<String, String> byUser = new LinkedHashMap<>();
        stored.forEach(reaction -> byUser.put(reaction.getString(REACTION_USER), reaction.getString(REACTION_EMOJI)));
        return byUser;
    }

    static String parkedId(ConversationKey conversation, MessageChange change) {
        return messageId(conversation, change.target().from(), change.target().id()) + "/" + change.from() + "/"
                + change.id();
    }

    static Document parked(ConversationKey conversation, MessageChange change, long now) {
        Document doc = new Document(ID, parkedId(conversation, change))
                .append(TARGET, messageId(conversation, change.target().from(), change.target().id()))
                .append(PARKED_AT, now)
                .append(TYPE, change.type())
                .append(MID, change.id())
                .append(FROM, change.from())
                .append(TS, change.ts())
                .append("targetId", change.target().id())
                .append("targetFrom", change.target().from());
        appendIfSet(doc, TO, change.to());
        appendIfSet(doc, GROUP, change.group());
        appendIfSet(doc, BODY, change.body());
        appendIfSet(doc, "emoji", change.emoji());
        return doc;
    }

    static MessageChange parked(Document doc) {
        return new MessageChange(doc.getString(TYPE), doc.getString(MID), doc.getString(FROM), doc.getString(TO),
                doc.getString(GROUP), longOf(doc, TS), new MessageRef(doc.getString("targetId"),
                doc.getString("targetFrom")), doc.getString(BODY), doc.getString("emoji"));
    }

    private static Document media(MediaRef media) {
        Document doc = new Document("id", media.id()).append("contentType", media.contentType())
                .append("size", media.size()).append("width", media.width()).append("height", media.height())
                .append("sha256", media.sha256());
        appendIfSet(doc, "thumbnail", media.thumbnail());
        return doc;
    }

    private static Reply reply(Document doc) {
        return doc == null ? null : Reply.to(doc.getString("id"), doc.getString("from"), null);
    }

    private static MediaRef media(Document doc) {
        if (doc == null) {
            return null;
        }
        return new MediaRef(doc.getString("id"), doc.getString("contentType"), ((Number) doc.get("size")).longValue(),
                ((Number) doc.get("width")).intValue(), ((Number) doc.get("height")).intValue(),
                doc.getString("sha256"), doc.getString("thumbnail"));
    }

    static Document cursor(Cursor cursor) {
        return new Document(TS, cursor.ts()).append(FROM, cursor.from()).append(MID, cursor.id());
    }

    /** The cursor stored under {@code field}, or null. */
    static Cursor cursor(Document doc, String field) {
        Document cursor = doc == null ? null : doc.get(field, Document.class);
        return cursor == null ? null : new Cursor(longOf(cursor, TS), cursor.getString(FROM), cursor.getString(MID));
    }

    static Long longOf(Document doc, String field) {
        Number value = doc.get(field, Number.class);
        return value == null ? null : value.longValue();
    }

    static Integer intOf(Document doc, String field) {
        Number value = doc.get(field, Number.class);
        return value == null ? null : value.intValue();
    }

    private static void appendIfSet(Document doc, String field, Object value) {
        if (value != null) {
            doc.append(field, value);
        }
    }
}
