package io.mqchat.presence.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each notification as one log line: for development, and to see what a webhook would get. */
public final class LogSink implements NotificationSink {

    private static final Logger LOG = LoggerFactory.getLogger(LogSink.class);

    @Override
    public boolean send(Notification notification) {
        LOG.info("notify {} of message {} from {} in conversation {}", notification.recipient(),
                notification.messageId(), notification.sender(), notification.conversation());
        return true;
    }
}
