package io.mqchat.presence.notify;

import io.mqchat.presence.store.NotificationMutes;
import io.mqchat.presence.store.PresenceStore;
import io.mqchat.presence.store.StoreUnavailableException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link Notification} request into at most one notification per recipient and conversation per window,
 * and none for a recipient that has a connected device by now (the group-worker asks for every member) or muted
 * the conversation.
 */
public final class NotifyHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyHandler.class);

    private final PresenceStore store;
    private final NotificationMutes mutes;
    private final Coalescer coalescer;
    private final NotificationSink sink;

    public NotifyHandler(PresenceStore store, NotificationMutes mutes, Coalescer coalescer, NotificationSink sink) {
        this.store = store;
        this.mutes = mutes;
        this.coalescer = coalescer;
        this.sink = sink;
    }

    /**
     * Hands the notification to the sink unless it is not needed or coalesced; does not wait for the sink.
     *
     * @return completes true when it went out, false when it was not needed or the sink gave up
     * @throws io.mqchat.presence.store.StoreUnavailableException when Redis is down (retry later)
     */
    public CompletableFuture<Boolean> handle(Notification notification) {
        if (!store.connectedDevices(notification.recipient()).isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        // At the message's time: a mute that ended since the message was sent still covered it.
        if (mutes.isMuted(notification.recipient(), notification.conversationKey(), notification.ts())) {
            return CompletableFuture.completedFuture(false);
        }
        if (!coalescer.claim(notification.recipient(), notification.conversationKey())) {
            return CompletableFuture.completedFuture(false);
        }
        return sink.send(notification).thenApply(sent -> {
            if (!sent) {
                released(notification);
            }
            return sent;
        });
    }

    /** The sink gave up: lets the next message of this conversation try instead of staying silent for a window. */
    private void released(Notification notification) {
        try {
            coalescer.release(notification.recipient(), notification.conversationKey());
            LOG.debug("notification of {} about {} not sent; window released", notification.recipient(),
                    notification.messageId());
        } catch (StoreUnavailableException e) {
            LOG.warn("notification of {} about {} not sent, and its window stays claimed: {}",
                    notification.recipient(), notification.messageId(), e.getMessage());
        }
    }
}
