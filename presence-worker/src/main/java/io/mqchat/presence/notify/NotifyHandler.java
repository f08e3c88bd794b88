package io.mqchat.presence.notify;

import io.mqchat.presence.store.NotificationMutes;
import io.mqchat.presence.store.PresenceStore;
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
     * Sends the notification unless it is not needed or coalesced.
     *
     * @return true when it went out
     * @throws io.mqchat.presence.store.StoreUnavailableException when Redis is down (retry later)
     */
    public boolean handle(Notification notification) {
        if (!store.connectedDevices(notification.recipient()).isEmpty()) {
            return false;
        }
        // At the message's time: a mute that ended since the message was sent still covered it.
        if (mutes.isMuted(notification.recipient(), notification.conversationKey(), notification.ts())) {
            return false;
        }
        if (!coalescer.claim(notification.recipient(), notification.conversationKey())) {
            return false;
        }
        if (sink.send(notification)) {
            return true;
        }
        // The sink gave up: let the next message of this conversation try instead of staying silent for a window.
        coalescer.release(notification.recipient(), notification.conversationKey());
        LOG.debug("notification of {} about {} not sent; window released", notification.recipient(),
                notification.messageId());
        return false;
    }
}
