package io.mqchat.client.internal;

import io.mqchat.client.SendRejectedException;
import io.mqchat.client.groups.GroupRequestException;
import io.mqchat.client.history.HistoryRequestException;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.Response;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Requests waiting for their answer, by {@code ref}. A request ends with its response (a refusal fails it with
 * the exception {@link Refusal} makes), an immediate refusal on the errors topic, or a timeout; whichever comes
 * first wins and the others find nothing to complete. Thread-safe.
 *
 * @param <R> the response type
 */
public final class PendingRequests<R> {

    /** Makes the exception a refused request fails with. */
    public interface Refusal {
        Throwable of(String op, String code, String message);
    }

    private record Pending<R>(String op, CompletableFuture<R> answer) {
    }

    private final Duration timeout;
    private final Refusal refusal;
    private final Map<String, Pending<R>> pending = new ConcurrentHashMap<>();

    public PendingRequests(Duration timeout, Refusal refusal) {
        this.timeout = timeout;
        this.refusal = refusal;
    }

    /** Group requests, refused with {@link GroupRequestException}s. */
    public static PendingRequests<Response> groups(Duration timeout) {
        return new PendingRequests<>(timeout, GroupRequestException::new);
    }

    /** History requests, refused with {@link HistoryRequestException}s. */
    public static PendingRequests<HistoryResponse> history(Duration timeout) {
        return new PendingRequests<>(timeout, HistoryRequestException::new);
    }

    /**
     * Edits, deletes and reactions waiting for the archive to apply them, refused with
     * {@link SendRejectedException}s. A change registers its id as both ref and op, so that the refusal names it.
     */
    public static PendingRequests<MessageChange> changes(Duration timeout) {
        return new PendingRequests<>(timeout, SendRejectedException::new);
    }

    /** Waits for the answer to request {@code ref}; fails with a TimeoutException after the timeout. */
    public CompletableFuture<R> register(String ref, String op) {
        CompletableFuture<R> answer = new CompletableFuture<>();
        pending.put(ref, new Pending<>(op, answer));
        answer.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .whenComplete((response, failure) -> pending.remove(ref));
        return answer;
    }

    /**
     * A response arrived: completes request {@code ref} if it is this device's, with {@code response} when
     * {@code ok}, else with the refusal {@code code}. Responses to the user's other devices' requests arrive here
     * too and are not an error.
     */
    public void answer(String ref, boolean ok, String code, String message, R response) {
        Pending<R> request = ref == null ? null : pending.remove(ref);
        if (request == null) {
            return;
        }
        if (ok) {
            request.answer.complete(response);
        } else {
            request.answer.completeExceptionally(refusal.of(request.op, code == null ? "unknown" : code,
                    String.valueOf(message)));
        }
    }

    /**
     * The server refused a request before it reached the service. The refusal names the request when it can;
     * when it cannot ({@code ref} null), it is taken as this device's only when exactly one request is pending,
     * since a refusal of another device's request arrives here too. Otherwise the request times out.
     */
    public void refused(String ref, String code, String message) {
        String which = ref;
        if (which == null) {
            Iterator<String> refs = pending.keySet().iterator();
            which = refs.hasNext() ? refs.next() : null;
            if (which == null || refs.hasNext()) {
                return;
            }
        }
        Pending<R> request = pending.remove(which);
        if (request != null) {
            request.answer.completeExceptionally(refusal.of(request.op, code, message));
        }
    }

    /** The request could not be sent at all. */
    public void failed(String ref, Throwable failure) {
        Pending<R> request = pending.remove(ref);
        if (request != null) {
            request.answer.completeExceptionally(failure);
        }
    }

    /** Every waiting request fails: their answers can no longer come (the session they were sent in is gone). */
    public void abandonAll(Throwable failure) {
        for (String ref : pending.keySet()) {
            failed(ref, failure);
        }
    }

    /** How many requests are waiting; for tests. */
    int size() {
        return pending.size();
    }
}
