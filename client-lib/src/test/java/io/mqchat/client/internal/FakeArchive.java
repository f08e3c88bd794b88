package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.ConversationSummary;
import io.mqchat.protocol.Cursor;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.HistoryRequest;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.ProtocolException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An archive in memory that answers as docs/PROTOCOL.md says, for one user: pages in cursor order, conversations
 * with their last message and timer, oldest change first (a change's time is its last message's), cut into parts
 * once {@link #cutListsAfter}. Answers at once, or, once {@link #pause()}d, when the test says
 * {@link #answerNext()}.
 */
final class FakeArchive implements Archive {

    private final String me;
    private final List<ChatMessage> messages = new ArrayList<>();
    private final Set<String> refusedGroups = new HashSet<>();
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    final List<String> asked = new ArrayList<>();
    final List<Long> sinceAsked = new ArrayList<>();
    long now = 1_000_000L;
    private boolean paused;
    private ErrorCode failure;
    private int listPart = Integer.MAX_VALUE;

    FakeArchive(String me) {
        this.me = me;
    }

    /** Stores stamped messages. */
    FakeArchive holding(ChatMessage... stamped) {
        messages.addAll(List.of(stamped));
        return this;
    }

    /** Pages of this group are refused with not_member. */
    void notMemberOf(String group) {
        refusedGroups.add(group);
    }

    /**
     * Conversation lists hold at most {@code conversations} from now on, with {@code more} when cut, as the archive
     * cuts a list too long for one answer. Give the conversations distinct change times: this cut, unlike the
     * archive's, may split those that changed in the same millisecond.
     */
    void cutListsAfter(int conversations) {
        listPart = conversations;
    }

    /** Every request is refused with {@code code} from now on. */
    void failWith(ErrorCode code) {
        failure = code;
    }

    void pause() {
        paused = true;
    }

    /** Answers the oldest waiting request; false when none waits. */
    boolean answerNext() {
        Runnable next = waiting.poll();
        if (next != null) {
            next.run();
        }
        return next != null;
    }

    @Override
    public CompletableFuture<HistoryResponse> messages(Conversation conversation, String before, String after,
                                                      int limit) {
        asked.add("messages " + conversation.id() + " after " + after);
        return answer(() -> {
            if (conversation.isGroup() && refusedGroups.contains(conversation.id())) {
                throw new RuntimeException(new io.mqchat.client.history.HistoryRequestException(
                        HistoryRequest.MESSAGES, ErrorCode.NOT_MEMBER.wireName(), "not a member"));
            }
            List<ChatMessage> all = conversationOf(conversation);
            Cursor from = after == null ? null : parse(after);
            Cursor to = before == null ? null : parse(before);
            List<ChatMessage> page;
            boolean more;
            if (from != null) {
                List<ChatMessage> newer = all.stream().filter(m -> Cursor.of(m).compareTo(from) > 0).toList();
                page = newer.subList(0, Math.min(limit, newer.size()));
                more = newer.size() > limit;
            } else {
                List<ChatMessage> older = to == null ? all
                        : all.stream().filter(m -> Cursor.of(m).compareTo(to) < 0).toList();
                page = older.subList(Math.max(0, older.size() - limit), older.size());
                more = older.size() > limit;
            }
            return HistoryResponse.page(null, conversation.isGroup() ? null : conversation.id(),
                    conversation.isGroup() ? conversation.id() : null, page, more, now);
        });
    }

    @Override
    public CompletableFuture<HistoryResponse> conversations(Long since) {
        asked.add("conversations");
        sinceAsked.add(since);
        return answer(() -> {
            Map<Conversation, List<ChatMessage>> byConversation = new HashMap<>();
            for (ChatMessage message : messages) {
                byConversation.computeIfAbsent(Messages.conversationOf(me, message), c -> new ArrayList<>()).add(message);
            }
            List<ConversationSummary> summaries = new ArrayList<>();
            byConversation.forEach((conversation, list) -> {
                list.sort(Comparator.comparing(Cursor::of));
                ChatMessage last = list.get(list.size() - 1);
                if (since != null && last.ts() < since) {
                    return;
                }
                int timer = list.stream().filter(ChatMessage::isTimerChange).reduce((a, b) -> b)
                        .map(ChatMessage::timer).orElse(0);
                summaries.add(new ConversationSummary(conversation.isGroup() ? null : conversation.id(),
                        conversation.isGroup() ? conversation.id() : null, last, 0, timer, null, null, last.ts()));
            });
            summaries.sort(Comparator.comparingLong(ConversationSummary::updated));
            List<ConversationSummary> part = summaries.subList(0, Math.min(listPart, summaries.size()));
            return new HistoryResponse(HistoryRequest.CONVERSATIONS, null, true, null, null, null, null, null, null,
                    null, part.size() < summaries.size(), part, null, now);
        });
    }

    private List<ChatMessage> conversationOf(Conversation conversation) {
        return messages.stream().filter(m -> Messages.conversationOf(me, m).equals(conversation))
                .sorted(Comparator.comparing(Cursor::of)).toList();
    }

    private CompletableFuture<HistoryResponse> answer(Supplier<HistoryResponse> response) {
        CompletableFuture<HistoryResponse> answer = new CompletableFuture<>();
        Runnable respond = () -> {
            if (failure != null) {
                answer.completeExceptionally(new io.mqchat.client.history.HistoryRequestException("messages",
                        failure.wireName(), "down"));
                return;
            }
            try {
                answer.complete(response.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e.getCause() != null ? e.getCause() : e);
            }
        };
        if (paused) {
            waiting.add(respond);
        } else {
            respond.run();
        }
        return answer;
    }

    private static Cursor parse(String wire) {
        try {
            return Cursor.parse(wire);
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }
}
