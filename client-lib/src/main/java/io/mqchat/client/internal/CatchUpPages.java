package io.mqchat.client.internal;

import io.mqchat.client.history.HistoryRequestException;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Cursor;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.HistoryRequest;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Pages the conversations a {@link CatchUpPlan} names, each after its cursor until the archive has no more, one
 * request at a time: a catch-up should neither flood the server nor eat the user's rate limit.
 */
final class CatchUpPages {

    /** The archive's largest page: fewest round trips. */
    private static final int PAGE = HistoryRequest.MAX_LIMIT;

    private CatchUpPages() {
    }

    /**
     * Everything newer than each fetch's cursor, conversations one after the other. A conversation this user may
     * not read (any more) is skipped, not the rest; any other failure fails the whole.
     */
    static CompletableFuture<List<ChatMessage>> fetchAll(Archive archive, List<CatchUpPlan.Fetch> fetches) {
        CompletableFuture<List<ChatMessage>> all = CompletableFuture.completedFuture(new ArrayList<>());
        for (CatchUpPlan.Fetch fetch : fetches) {
            all = all.thenCompose(found -> fetch(archive, fetch, fetch.after(), found));
        }
        return all;
    }

    private static CompletableFuture<List<ChatMessage>> fetch(Archive archive, CatchUpPlan.Fetch fetch, Cursor after,
                                                              List<ChatMessage> found) {
        return archive.messages(fetch.conversation(), null, after.toString(), PAGE).handle((page, failure) -> {
            if (failure != null) {
                return skippable(failure) ? CompletableFuture.completedFuture(found)
                        : CompletableFuture.<List<ChatMessage>>failedFuture(failure);
            }
            if (page.messages() != null) {
                found.addAll(page.messages());
            }
            Cursor next = nextCursor(page);
            // A next cursor that does not move on would page forever.
            if (Boolean.TRUE.equals(page.more()) && next != null && next.compareTo(after) > 0) {
                return fetch(archive, fetch, next, found);
            }
            return CompletableFuture.completedFuture(found);
        }).thenCompose(Function.identity());
    }

    private static boolean skippable(Throwable failure) {
        return Completions.cause(failure) instanceof HistoryRequestException refused
                && refused.code().filter(code -> code == ErrorCode.NOT_MEMBER || code == ErrorCode.BAD_REQUEST
                        || code == ErrorCode.UNKNOWN_GROUP).isPresent();
    }

    private static Cursor nextCursor(HistoryResponse page) {
        try {
            return page.next() == null ? null : Cursor.parse(page.next());
        } catch (ProtocolException e) {
            return null;
        }
    }
}
