package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.client.SendRejectedException;
import io.mqchat.client.history.HistoryRequestException;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.HistoryRequest;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.MessageIds;
import io.mqchat.protocol.Topics;
import io.mqchat.protocol.SettingsChange;
import java.util.concurrent.CompletableFuture;

/**
 * History requests over MQTT: each goes to {@code req/history} with a fresh {@code ref}, and the archive's answer
 * on this user's responses topic completes it (see {@link PendingRequests}).
 */
public final class HistoryRequests implements Archive {

    private final String me;
    private final Codec codec;
    private final Outbound outbound;
    private final PendingRequests<HistoryResponse> pending;

    public HistoryRequests(String me, Codec codec, Outbound outbound, PendingRequests<HistoryResponse> pending) {
        this.me = me;
        this.codec = codec;
        this.outbound = outbound;
        this.pending = pending;
    }

    @Override
    public CompletableFuture<HistoryResponse> messages(Conversation conversation, String before, String after,
                                                       int limit) {
        String ref = MessageIds.newId();
        HistoryRequest request = conversation.isGroup()
                ? HistoryRequest.inGroup(conversation.id(), before, after, limit, ref)
                : HistoryRequest.withPeer(conversation.id(), before, after, limit, ref);
        return send(request);
    }

    @Override
    public CompletableFuture<HistoryResponse> conversations(Long since) {
        return send(HistoryRequest.conversations(since, MessageIds.newId()));
    }

    /** How many messages this user has not read, in all conversations. */
    public CompletableFuture<HistoryResponse> unread() {
        return send(HistoryRequest.unread(MessageIds.newId()));
    }

    /** This user's settings, changed as {@code change} says first unless it is null. */
    public CompletableFuture<HistoryResponse> settings(SettingsChange change) {
        return send(HistoryRequest.settings(change, MessageIds.newId()));
    }

    private CompletableFuture<HistoryResponse> send(HistoryRequest request) {
        CompletableFuture<HistoryResponse> answer = pending.register(request.ref(), request.op());
        outbound.request(Topics.historyRequests(), codec.encode(request), request.ref(), Topics.responses(me))
                .whenComplete((acked, failure) -> {
                    if (failure != null) {
                        pending.failed(request.ref(), failure instanceof SendRejectedException rejected
                                ? new HistoryRequestException(request.op(), rejected.wireCode(), rejected.detail())
                                : failure);
                    }
                });
        return answer;
    }
}
