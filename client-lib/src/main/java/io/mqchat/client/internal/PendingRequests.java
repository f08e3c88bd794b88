package io.mqchat.client.internal;

import io.mqchat.client.groups.GroupRequestException;
import io.mqchat.protocol.Response;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Requests waiting for their answer, by {@code ref}. A request ends with its response (a refusal fails it with
 * a {@link GroupRequestException}), an immediate refusal on the errors topic, or a timeout; whichever comes
 * first wins and the others find nothing to complete. Thread-safe.
 */
public final class PendingRequests {

    private record Pending(String op, CompletableFuture<Response> answer) {
    }

    private final Duration timeout;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public PendingRequests(Duration timeout) {
        this.timeout = timeout;
    }

    /** Waits for the answer to request {@code ref}; fails with a TimeoutException after the timeout. */
    public CompletableFuture<Response> register(String ref, String op) {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        pending.put(ref, new Pending(op, answer));
        answer.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .whenComplete((response, failure) -> pending.remove(ref));
        return answer;
    }

    /**
     * A response arrived; completes its request if it is this device's. Responses to the user's other devices'
     * requests arrive here too and are not an error.
     */
    public void answer(Response response) {
        Pending request = response.ref() == null ? null : pending.remove(response.ref());
        if (request == null) {
            return;
        }
        if (response.ok()) {
            request.answer.complete(response);
        } else {
            request.answer.completeExceptionally(new GroupRequestException(response.op(),
                    response.code() == null ? "unknown" : response.code(), String.valueOf(response.message())));
        }
    }

    /**
     * The server refused a request before it reached the group service. The refusal names the request when it
     * can; when it cannot ({@code ref} null), it is taken as this device's only when exactly one request is
     * pending, since a refusal of another device's request arrives here too. Otherwise the request times out.
     */
    public void refused(String ref, String code, String message) {
        Pending request;
        String which = ref;
        if (which == null) {
            Iterator<String> refs = pending.keySet().iterator();
            which = refs.hasNext() ? refs.next() : null;
            if (which == null || refs.hasNext()) {
                return;
            }
        }
        request = pending.remove(which);
        if (request != null) {
            request.answer.completeExceptionally(new GroupRequestException(request.op, code, message));
        }
    }

    /** The request could not be sent at all. */
    public void failed(String ref, Throwable failure) {
        Pending request = pending.remove(ref);
        if (request != null) {
            request.answer.completeExceptionally(failure);
        }
    }

    /** How many requests are waiting; for tests. */
    int size() {
        return pending.size();
    }
}
