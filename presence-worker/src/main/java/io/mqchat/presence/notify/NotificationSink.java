package io.mqchat.presence.notify;

import java.util.concurrent.CompletableFuture;

/**
 * Where notifications go: a push gateway's webhook, a log, a push service. Implementations are thread-safe and never
 * wait on the calling thread for a remote service; {@link #close()} ends what they hold open (a push service's
 * connections).
 */
public interface NotificationSink extends AutoCloseable {

    /**
     * Sends one notification, retrying as the sink sees fit, without waiting on the calling thread for a remote
     * service to answer: a slow or failing service holds up no other user's notification.
     *
     * @return completes true when the notification reached the service (the gateway, a device's push service), false
     *         when the sink gave up (it has logged why); never completes exceptionally
     */
    CompletableFuture<Boolean> send(Notification notification);

    @Override
    default void close() {
    }
}
