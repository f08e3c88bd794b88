package io.mqchat.presence.notify;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Several sinks at once (the webhook or the log, and the push services): each gets every notification, whatever the
 * others do with it.
 */
public final class FanOutSink implements NotificationSink {

    private final List<NotificationSink> sinks;

    public FanOutSink(List<NotificationSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    /** Completes true when at least one sink delivered it, once every sink has answered. */
    @Override
    public CompletableFuture<Boolean> send(Notification notification) {
        // One sink that breaks its promise (fails, or throws) must not take the others' answers with it.
        List<CompletableFuture<Boolean>> sent = sinks.stream().map(sink -> {
            try {
                return sink.send(notification).exceptionally(failure -> false);
            } catch (RuntimeException e) {
                return CompletableFuture.completedFuture(false);
            }
        }).toList();
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .thenApply(all -> sent.stream().anyMatch(CompletableFuture::join));
    }

    @Override
    public void close() {
        sinks.forEach(NotificationSink::close);
    }
}
