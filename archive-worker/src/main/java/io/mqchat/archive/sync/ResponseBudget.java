package io.mqchat.archive.sync;

import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ConversationSummary;
import io.mqchat.protocol.HistoryResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps history answers below a size in bytes. An answer is one MQTT publish, and the broker disconnects a client
 * that publishes a packet larger than it accepts: the worker would then retry the same oversized answer forever.
 * A page therefore holds fewer messages than asked when they would not fit (the client pages on, {@code more} says
 * so); at least one item always goes, since nothing smaller can be sent.
 */
public final class ResponseBudget {

    /** Room for the answer's own fields (op, ref, conversation, cursors, time) around the items. */
    private static final int ENVELOPE_RESERVE = 1024;

    private final int maxBytes;
    private final Codec codec;

    /**
     * @param maxBytes the largest answer
     * @param codec    measures the items as they will be sent
     */
    public ResponseBudget(int maxBytes, Codec codec) {
        this.maxBytes = maxBytes;
        this.codec = codec;
    }

    /**
     * The messages that fit, taken from the end nearest the cursor: the newest of a backward page ({@code forward}
     * false), the oldest of a forward page.
     */
    public List<ChatMessage> fit(List<ChatMessage> oldestFirst, boolean forward) {
        int budget = maxBytes - ENVELOPE_RESERVE;
        int count = 0;
        for (int i = 0; i < oldestFirst.size(); i++) {
            ChatMessage message = oldestFirst.get(forward ? i : oldestFirst.size() - 1 - i);
            budget -= codec.encode(message).length + 1;
            if (budget < 0 && count > 0) {
                break;
            }
            count++;
        }
        return forward ? oldestFirst.subList(0, count)
                : oldestFirst.subList(oldestFirst.size() - count, oldestFirst.size());
    }

    /**
     * The conversations that fit, in the given order (oldest change first). A cut never splits conversations that
     * changed at the same time, so a client that asks again from the last one's {@code updated} misses none.
     */
    public List<ConversationSummary> fitConversations(List<ConversationSummary> oldestChangeFirst) {
        int budget = maxBytes - ENVELOPE_RESERVE;
        List<ConversationSummary> kept = new ArrayList<>();
        int sameTimeFrom = 0;
        for (ConversationSummary summary : oldestChangeFirst) {
            budget -= sizeOf(summary);
            boolean newTime = kept.isEmpty() || kept.get(kept.size() - 1).updated() != summary.updated();
            if (newTime) {
                sameTimeFrom = kept.size();
            }
            if (budget < 0 && sameTimeFrom > 0) {
                return kept.subList(0, sameTimeFrom);
            }
            kept.add(summary);
        }
        return kept;
    }

    private int sizeOf(ConversationSummary summary) {
        return codec.encode(HistoryResponse.conversations(null, List.of(summary), 0)).length;
    }
}
