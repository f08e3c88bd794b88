package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.client.history.Cursor;
import io.mqchat.client.history.HistoryPage;
import io.mqchat.client.history.HistoryQuery;
import io.mqchat.protocol.HistoryResponse;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link HistoryQuery} as a value: the conversation, at most one cursor and the page size.
 *
 * @param archive  answers it
 * @param delivery turns the answer into the app's messages
 */
public record HistoryQueries(Archive archive, Delivery delivery, Conversation conversation, Cursor before,
                             Cursor after, int limit) implements HistoryQuery {

    public HistoryQueries {
        Objects.requireNonNull(conversation, "conversation");
    }

    /** The newest {@link #DEFAULT_LIMIT} messages of {@code conversation}. */
    public static HistoryQuery of(Archive archive, Delivery delivery, Conversation conversation) {
        return new HistoryQueries(archive, delivery, conversation, null, null, DEFAULT_LIMIT);
    }

    @Override
    public HistoryQuery before(Cursor cursor) {
        return new HistoryQueries(archive, delivery, conversation, Objects.requireNonNull(cursor, "cursor"), null,
                limit);
    }

    @Override
    public HistoryQuery after(Cursor cursor) {
        return new HistoryQueries(archive, delivery, conversation, null, Objects.requireNonNull(cursor, "cursor"),
                limit);
    }

    @Override
    public HistoryQuery limit(int messages) {
        if (messages < 1 || messages > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " messages: " + messages);
        }
        return new HistoryQueries(archive, delivery, conversation, before, after, messages);
    }

    @Override
    public CompletableFuture<HistoryPage> fetch() {
        return archive.messages(conversation, before == null ? null : before.toString(),
                        after == null ? null : after.toString(), limit)
                .thenApply(this::page);
    }

    private HistoryPage page(HistoryResponse response) {
        return new HistoryPage(conversation,
                delivery.page(response.messages() == null ? List.of() : response.messages()),
                Messages.toCursor(response.prev()), Messages.toCursor(response.next()),
                Boolean.TRUE.equals(response.more()));
    }
}
