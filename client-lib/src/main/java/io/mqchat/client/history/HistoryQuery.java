package io.mqchat.client.history;

import java.util.concurrent.CompletableFuture;

/**
 * One page of a conversation's history, from {@link io.mqchat.client.MqchatClient#history}: the newest messages,
 * or those just before or just after a {@link Cursor}. Immutable: each method returns a new query, so one may
 * serve as the template of many.
 *
 * <pre>{@code
 * HistoryPage newest = client.history(Conversation.with("bob")).limit(50).fetch().join();
 * HistoryPage older = client.history(Conversation.with("bob")).before(newest.prev()).fetch().join();
 * }</pre>
 */
public interface HistoryQuery {

    /** The largest page the server hands out. */
    int MAX_LIMIT = 200;
    /** The page size when none is set. */
    int DEFAULT_LIMIT = 50;

    /** The messages just older than {@code cursor}; replaces {@link #after}. */
    HistoryQuery before(Cursor cursor);

    /** The messages just newer than {@code cursor}; replaces {@link #before}. */
    HistoryQuery after(Cursor cursor);

    /**
     * At most {@code messages} messages, 1 to {@value #MAX_LIMIT}; default {@value #DEFAULT_LIMIT}.
     *
     * @throws IllegalArgumentException outside that range
     */
    HistoryQuery limit(int messages);

    /**
     * Asks the server. Completes with the page, or fails with a {@link HistoryRequestException} (for example
     * {@code not_member} for a group this user no longer belongs to, {@code unavailable} while the archive is
     * down) or a {@link java.util.concurrent.TimeoutException} after the client's request timeout.
     */
    CompletableFuture<HistoryPage> fetch();
}
