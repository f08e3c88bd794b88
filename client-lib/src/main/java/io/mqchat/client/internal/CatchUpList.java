package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.protocol.ConversationSummary;
import io.mqchat.protocol.HistoryResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole list of conversations changed since a time, for a catch-up. The archive cuts a long list to fit one
 * answer ({@code more}); the rest is asked for part by part, each from just after the newest change of the part
 * before.
 */
final class CatchUpList {

    /**
     * @param conversations each listed conversation once, as the archive last described it
     * @param ts            the archive's time of the first part: everything changed before it is listed
     */
    record Listing(List<ConversationSummary> conversations, long ts) {
    }

    private CatchUpList() {
    }

    /** The conversations changed at or after {@code since} (all of them when null), every part of the list. */
    static CompletableFuture<Listing> fetch(Archive archive, Long since) {
        return archive.conversations(since)
                .thenCompose(first -> rest(archive, since, first, new LinkedHashMap<>(), first.ts()));
    }

    private static CompletableFuture<Listing> rest(Archive archive, Long since, HistoryResponse part,
                                                  Map<Conversation, ConversationSummary> found, long ts) {
        List<ConversationSummary> summaries = part.conversations() == null ? List.of() : part.conversations();
        long newest = Long.MIN_VALUE;
        for (ConversationSummary summary : summaries) {
            newest = Math.max(newest, summary.updated());
            Conversation conversation = CatchUpPlan.conversationOf(summary);
            if (conversation != null) {
                // One that changed again while the list was asked for comes again, described as it is now.
                found.put(conversation, summary);
            }
        }
        // The archive never cuts between conversations changed in the same millisecond, so the rest starts just
        // after it. Asking from that millisecond again could bring the same part forever, if it alone fills one.
        Long next = summaries.isEmpty() ? null : newest + 1;
        if (Boolean.TRUE.equals(part.more()) && next != null && (since == null || next > since)) {
            return archive.conversations(next).thenCompose(answer -> rest(archive, next, answer, found, ts));
        }
        return CompletableFuture.completedFuture(new Listing(List.copyOf(found.values()), ts));
    }
}
