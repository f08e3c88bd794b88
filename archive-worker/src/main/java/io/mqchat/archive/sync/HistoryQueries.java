package io.mqchat.archive.sync;

import io.mqchat.archive.store.ArchiveStore;
import io.mqchat.archive.store.ArchiveUnavailableException;
import io.mqchat.archive.store.ConversationKey;
import io.mqchat.archive.store.Page;
import io.mqchat.archive.store.PageQuery;
import io.mqchat.privacy.TooManyBlockedException;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.ConversationSummary;
import io.mqchat.protocol.Cursor;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.HistoryRequest;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.UserSettings;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/**
 * Answers history requests from the archive and decides who may read what: a 1-1 page is always of the requester's
 * own conversation with {@code with}; a group page only for a current member, and only from the start of its
 * membership. Knows nothing of MQTT ({@link HistoryRequests} does the messaging).
 */
public final class HistoryQueries {

    private final ArchiveStore store;
    private final Clock clock;
    private final ResponseBudget budget;

    /**
     * @param store  the archive
     * @param clock  what has disappeared by now, and the answers' time
     * @param budget the largest answer
     */
    public HistoryQueries(ArchiveStore store, Clock clock, ResponseBudget budget) {
        this.store = store;
        this.clock = clock;
        this.budget = budget;
    }

    /**
     * Answers a stamped request ({@code by} set, shape checked). Never throws for a store that is down: the
     * requester gets {@code unavailable} and may ask again.
     */
    public HistoryResponse answer(HistoryRequest request) {
        long now = clock.millis();
        try {
            return switch (request.op()) {
                case HistoryRequest.MESSAGES -> page(request, now);
                case HistoryRequest.CONVERSATIONS -> conversations(request, now);
                case HistoryRequest.UNREAD -> unread(request, now);
                case HistoryRequest.SETTINGS -> settings(request, now);
                default -> badRequest(request, "unknown op '" + request.op() + "'");
            };
        } catch (ArchiveUnavailableException e) {
            return HistoryResponse.failed(request.op(), request.ref(), ErrorCode.UNAVAILABLE,
                    "the archive is unavailable, try again later", now);
        } catch (TooManyBlockedException e) {
            return HistoryResponse.failed(request.op(), request.ref(), ErrorCode.LIMIT_REACHED, e.getMessage(), now);
        } catch (ProtocolException e) {
            return badRequest(request, e.getMessage());
        }
    }

    /** The answer to a request that cannot be carried out as it is. */
    public HistoryResponse badRequest(HistoryRequest request, String why) {
        return HistoryResponse.failed(request.op(), request.ref(), ErrorCode.BAD_REQUEST, why, clock.millis());
    }

    private HistoryResponse page(HistoryRequest request, long now) throws ProtocolException {
        Cursor before = request.before() == null ? null : Cursor.parse(request.before());
        Cursor after = request.after() == null ? null : Cursor.parse(request.after());
        int limit = Math.max(1, Math.min(request.limitOrDefault(), HistoryRequest.MAX_LIMIT));
        ConversationKey conversation;
        long notBefore = 0;
        if (request.group() != null) {
            OptionalLong since = store.memberSince(request.by(), request.group());
            if (since.isEmpty()) {
                return HistoryResponse.failed(request.op(), request.ref(), ErrorCode.NOT_MEMBER,
                        request.by() + " is not a member of " + request.group(), now);
            }
            conversation = ConversationKey.group(request.group());
            notBefore = since.getAsLong();
        } else if (request.with() != null) {
            conversation = ConversationKey.direct(request.by(), request.with());
        } else {
            return badRequest(request, "op 'messages' needs 'with' or 'group'");
        }
        Page page = store.page(new PageQuery(conversation, before, after, limit, notBefore, request.by()), now);
        List<ChatMessage> fitting = budget.fit(page.messages(), after != null);
        boolean more = page.more() || fitting.size() < page.messages().size();
        return HistoryResponse.page(request.ref(), request.with(), request.group(), fitting, more, now);
    }

    /**
     * The unread counts of every conversation of the requester, summed: what an app shows as its badge. A request
     * that names a message ({@code after}, in {@code with} or {@code group}: the presence-worker's, for the push
     * about that message) counts that conversation up to the message, and the message itself unless read, whether
     * or not the archive has stored it yet: it is stored a moment after it was routed, and the push may ask before
     * or while it is stored.
     */
    private HistoryResponse unread(HistoryRequest request, long now) throws ProtocolException {
        ConversationKey about = null;
        if (request.after() != null && (request.with() != null || request.group() != null)) {
            about = request.group() != null ? ConversationKey.group(request.group())
                    : ConversationKey.direct(request.by(), request.with());
        }
        long unread = store.unreadTotal(request.by(), about, now);
        if (about != null) {
            unread += store.unreadThrough(request.by(), about, Cursor.parse(request.after()), now);
        }
        return HistoryResponse.unread(request.ref(), (int) Math.min(unread, Integer.MAX_VALUE), now);
    }

    /** The requester's settings, changed first when the request says how; nobody blocks itself. */
    private HistoryResponse settings(HistoryRequest request, long now) {
        if (request.settings() != null && request.by().equals(request.settings().block())) {
            return badRequest(request, "a user cannot block itself");
        }
        UserSettings settings = request.settings() == null ? store.settings(request.by())
                : store.changeSettings(request.by(), request.settings(), now);
        return HistoryResponse.settings(request.ref(), settings, now);
    }

    private HistoryResponse conversations(HistoryRequest request, long now) {
        List<ConversationSummary> all = store.conversations(request.by(), request.since(), now);
        if (!store.settings(request.by()).sendsReadReceipts()) {
            // Who shares no read receipts sees none (as WhatsApp does): no peer's read position either.
            all = all.stream().map(ConversationSummary::withoutPeerRead).toList();
        }
        List<ConversationSummary> fitting = budget.fitConversations(all);
        // The factory leaves 'more' out; it is set here because a long list may be cut (ask again from the last
        // one's 'updated').
        return new HistoryResponse(HistoryRequest.CONVERSATIONS, request.ref(), true, null, null, null, null, null,
                null, null, fitting.size() < all.size(), fitting, null, now);
    }
}
