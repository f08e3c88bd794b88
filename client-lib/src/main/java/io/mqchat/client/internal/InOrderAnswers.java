package io.mqchat.client.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Completes the futures of this device's QoS 1 publishes in the order they were published. The server acknowledges
 * them in that order, but the MQTT client completes each publish's own future on a thread of a pool, so two
 * acknowledgements a moment apart reach the app in either order: a chat app would tick its messages SENT out of
 * order. Each answer waits here until every earlier publish has its answer; one thread at a time hands them on, so
 * the app's callbacks run one after another, oldest first. Do not block a callback on a later publish's future.
 */
final class InOrderAnswers {

    private final Deque<Slot> unanswered = new ArrayDeque<>();
    private boolean handingOn;

    /**
     * Publishes by calling {@code publish} (in the order of these calls, so that the queue order is the wire order)
     * and returns a future completed like the one it returns, after every earlier publish's.
     */
    <T> CompletableFuture<T> publish(Supplier<CompletableFuture<T>> publish) {
        Slot slot = new Slot();
        CompletableFuture<T> sending;
        synchronized (this) {
            unanswered.addLast(slot);
            try {
                sending = publish.get();
            } catch (RuntimeException e) {
                unanswered.removeLast();
                throw e;
            }
        }
        @SuppressWarnings("unchecked")
        CompletableFuture<T> answer = (CompletableFuture<T>) slot.future;
        sending.whenComplete((result, failure) -> answered(slot, result, failure));
        return answer;
    }

    private void answered(Slot slot, Object result, Throwable failure) {
        synchronized (this) {
            slot.result = result;
            slot.failure = failure;
            slot.answered = true;
            if (handingOn) {
                return; // the thread handing on will reach this one
            }
            handingOn = true;
        }
        while (true) {
            Slot next;
            synchronized (this) {
                Slot head = unanswered.peek();
                if (head == null || !head.answered) {
                    handingOn = false;
                    return;
                }
                next = unanswered.poll();
            }
            next.complete();
        }
    }

    private static final class Slot {
        final CompletableFuture<Object> future = new CompletableFuture<>();
        Object result;
        Throwable failure;
        boolean answered;

        void complete() {
            if (failure != null) {
                future.completeExceptionally(failure);
            } else {
                future.complete(result);
            }
        }
    }
}
