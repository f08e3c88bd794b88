package io.mqchat.presence.notify;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each notification as one log line: for development, and to see what a webhook would get. */
public final class LogSink implements NotificationSink {

    private static final Logger LOG = LoggerFactory.getLogger(LogSink.class);

    @Override
    public CompletableFuture<Boolean> send(Notification notification) {
        LOG.info("notify {} of message {} from {} in conversation {}", notification.recipient(),
                notification.messageId(), notification.sender(), notification.conversation());
        return CompletableFuture.completedFuture(true);
    }
}
