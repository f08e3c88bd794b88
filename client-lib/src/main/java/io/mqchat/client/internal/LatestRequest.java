package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.protocol.HistoryResponse;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link Archive} that remembers its latest request, so that a catch-up whose answer can no longer come (it
 * was asked over an earlier connection) can be ended at once instead of at its timeout. Thread-safe.
 */
final class LatestRequest implements Archive {

    private final Archive archive;
    private CompletableFuture<HistoryResponse> latest;

    LatestRequest(Archive archive) {
        this.archive = archive;
    }

    @Override
    public CompletableFuture<HistoryResponse> messages(Conversation conversation, String before, String after,
                                                      int limit) {
        return remember(archive.messages(conversation, before, after, limit));
    }

    @Override
    public CompletableFuture<HistoryResponse> conversations(Long since) {
        return remember(archive.conversations(since));
    }

    /** Ends the latest request with a CancellationException, unless it is answered already. */
    void cancel() {
        CompletableFuture<HistoryResponse> request;
        synchronized (this) {
            request = latest;
        }
        if (request != null) {
            request.cancel(false);
        }
    }

    private synchronized CompletableFuture<HistoryResponse> remember(CompletableFuture<HistoryResponse> request) {
        latest = request;
        return request;
    }
}
