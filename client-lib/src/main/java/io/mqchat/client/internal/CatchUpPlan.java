package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.protocol.ConversationSummary;
import io.mqchat.protocol.Cursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which conversations a catch-up pages, and from where: every listed conversation whose newest message lies
 * beyond what the app has of it (its anchor), or, for a conversation the app has nothing of, beyond a start the
 * catch-up chose. Without such a start, or with nothing newer than it, a conversation is covered up to its newest
 * message as it is (the app has that, or does not want it), so that a later catch-up does not reach back into it.
 *
 * @param fetch   conversations to page, each after its cursor
 * @param covered conversations that need nothing, with the position they are covered up to
 */
record CatchUpPlan(List<Fetch> fetch, Map<Conversation, Cursor> covered) {

    /** Page {@code conversation} after {@code after}. */
    record Fetch(Conversation conversation, Cursor after) {
    }

    /**
     * @param summaries the conversations changed since the last catch-up
     * @param anchors   what the app has of a conversation (null: nothing)
     * @param start     where paging starts in a conversation without anchor; null: such conversations are covered
     */
    static CatchUpPlan of(List<ConversationSummary> summaries, Function<Conversation, Cursor> anchors,
                          Cursor start) {
        List<Fetch> fetch = new ArrayList<>();
        Map<Conversation, Cursor> covered = new HashMap<>();
        for (ConversationSummary summary : summaries) {
            Conversation conversation = conversationOf(summary);
            Cursor newest = summary.last() == null ? null : Messages.positionOf(summary.last());
            if (conversation == null || newest == null) {
                continue;
            }
            Cursor anchor = anchors.apply(conversation);
            Cursor from = anchor != null ? anchor : start;
            if (from != null && newest.compareTo(from) > 0) {
                fetch.add(new Fetch(conversation, from));
            } else {
                covered.put(conversation, anchor != null && anchor.compareTo(newest) > 0 ? anchor : newest);
            }
        }
        return new CatchUpPlan(List.copyOf(fetch), Map.copyOf(covered));
    }

    /** The conversation a summary describes; null for one this library cannot address. */
    static Conversation conversationOf(ConversationSummary summary) {
        try {
            if (summary.group() != null) {
                return Conversation.group(summary.group());
            }
            return summary.with() == null ? null : Conversation.with(summary.with());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
