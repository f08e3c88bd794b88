package io.mqchat.presence.notify;

/** Where notifications go: a push gateway's webhook, a log. Implementations are safe for one calling thread. */
public interface NotificationSink {

    /**
     * Sends one notification, retrying as the sink sees fit.
     *
     * @return true when it was delivered, false when the sink gave up (it has logged why)
     */
    boolean send(Notification notification);
}
