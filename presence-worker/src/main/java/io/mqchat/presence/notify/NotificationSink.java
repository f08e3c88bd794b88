package io.mqchat.presence.notify;

/**
 * Where notifications go: a push gateway's webhook, a log, a push service. Implementations are safe for one calling
 * thread; {@link #close()} ends what they hold open (a push service's connections).
 */
public interface NotificationSink extends AutoCloseable {

    /**
     * Sends one notification, retrying as the sink sees fit.
     *
     * @return true when it was delivered, false when the sink gave up (it has logged why)
     */
    boolean send(Notification notification);

    @Override
    default void close() {
    }
}
