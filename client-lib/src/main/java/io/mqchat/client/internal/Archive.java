package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.protocol.HistoryResponse;
import java.util.concurrent.CompletableFuture;

/** The server's message archive as the client asks it: {@link HistoryRequests} over MQTT, a fake in tests. */
public interface Archive {

    /**
     * A page of {@code conversation}: the newest {@code limit} messages, or those just before or after a cursor
     * (wire form; at most one of them).
     */
    CompletableFuture<HistoryResponse> messages(Conversation conversation, String before, String after, int limit);

    /** This user's conversations changed after server time {@code since}; all of them when null. */
    CompletableFuture<HistoryResponse> conversations(Long since);
}
