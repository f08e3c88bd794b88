package io.mqchat.archive.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ConversationSummary;
import io.mqchat.protocol.HistoryResponse;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResponseBudgetTest {

    private static final int BUDGET = 16 * 1024;
    private final Codec codec = new Codec();
    private final ResponseBudget budget = new ResponseBudget(BUDGET, codec);

    private static ChatMessage message(int i, int bodyLength) {
        return ChatMessage.text("m" + i, "x".repeat(bodyLength)).stamped("m" + i, "alice", "bob", 1_000L + i);
    }

    private static ConversationSummary summary(String with, long updated, int bodyLength) {
        return new ConversationSummary(with, null, message(0, bodyLength), 0, 0, null, null, updated);
    }

    @Test
    void smallPagesAreLeftWhole() {
        List<ChatMessage> page = IntStream.range(0, 50).mapToObj(i -> message(i, 20)).toList();
        assertEquals(page, budget.fit(page, false));
        assertEquals(page, budget.fit(page, true));
    }

    @Test
    void aPageTooLargeKeepsTheMessagesNearestTheCursorAndStaysWithinTheBudget() {
        List<ChatMessage> page = IntStream.range(0, 10).mapToObj(i -> message(i, 4000)).toList();

        List<ChatMessage> older = budget.fit(page, false);
        assertEquals(page.subList(page.size() - older.size(), page.size()), older, "the newest of a backward page");
        List<ChatMessage> newer = budget.fit(page, true);
        assertEquals(page.subList(0, newer.size()), newer, "the oldest of a forward page");
        assertTrue(older.size() < page.size());
        HistoryResponse answer = HistoryResponse.page("ref-1", "bob", null, older, true, 1L);
        assertTrue(codec.encode(answer).length <= BUDGET, "the answer fits");
    }

    @Test
    void aSingleMessageLargerThanTheBudgetStillGoesAlone() {
        List<ChatMessage> page = List.of(message(1, 100), message(2, BUDGET * 2));
        assertEquals(List.of(message(2, BUDGET * 2)), budget.fit(page, false));
        assertEquals(List.of(message(1, 100)), budget.fit(page, true));
    }

    @Test
    void aLongConversationListIsCutBetweenTimesNeverWithinOne() {
        List<ConversationSummary> list = List.of(summary("a", 1, 5000), summary("b", 2, 5000), summary("c", 2, 5000),
                summary("d", 3, 100));
        assertEquals(list.subList(0, 1), budget.fitConversations(list), "b and c changed at the same time");
        List<ConversationSummary> tied = List.of(summary("a", 1, 6000), summary("b", 1, 6000), summary("c", 1, 6000));
        assertEquals(tied, budget.fitConversations(tied), "one time that alone is too large still goes whole");
    }
}
