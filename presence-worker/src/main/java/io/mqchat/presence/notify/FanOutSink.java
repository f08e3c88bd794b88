package io.mqchat.presence.notify;

import java.util.List;

/**
 * Several sinks at once (the webhook or the log, and the push services): each gets every notification, one after
 * the other on the calling thread, whatever the others did.
 */
public final class FanOutSink implements NotificationSink {

    private final List<NotificationSink> sinks;

    public FanOutSink(List<NotificationSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    /** True when at least one sink delivered it. */
    @Override
    public boolean send(Notification notification) {
        boolean delivered = false;
        for (NotificationSink sink : sinks) {
            delivered |= sink.send(notification);
        }
        return delivered;
    }

    @Override
    public void close() {
        sinks.forEach(NotificationSink::close);
    }
}
