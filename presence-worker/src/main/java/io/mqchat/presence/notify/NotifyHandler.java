package io.mqchat.presence.notify;

import io.mqchat.presence.store.NotificationMutes;
import io.mqchat.presence.store.PresenceStore;
import io.mqchat.presence.store.StoreUnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link Notification} request into at most one notification per recipient and conversation per window,
 * and none for a recipient that has a connected device by now (the group-worker asks for every member) or muted
 * the conversation; a message that mentions the recipient gets through the mute and the conversation's window, with a
 * window of its own.
 */
public final class NotifyHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyHandler.class);

    /** Notifications handed over and not yet answered at most; then the caller (the lane) waits. */
    static final int MAX_PENDING = 256;
    /** Appended to a conversation's window key for the window of its mentions. */
    private static final String MENTION_WINDOW = "#mentions";

    private final PresenceStore store;
    private final NotificationMutes mutes;
    private final Coalescer coalescer;
    private final UnreadCounts unread;
    private final NotificationSink sink;
    private final Executor sending;
    private final Semaphore pending = new Semaphore(MAX_PENDING);

    /**
     * @param unread  the recipient's unread count, for the badge
     * @param sending where the sink is called once the count is in (the sinks' own waits must not hold up the
     *                thread that answers the counts)
     */
    public NotifyHandler(PresenceStore store, NotificationMutes mutes, Coalescer coalescer, UnreadCounts unread,
                         NotificationSink sink, Executor sending) {
        this.store = store;
        this.mutes = mutes;
        this.coalescer = coalescer;
        this.unread = unread;
        this.sink = sink;
        this.sending = sending;
    }

    /**
     * Hands the notification to the sink, with the recipient's unread count, unless it is not needed or coalesced;
     * waits for neither the count nor the sink (unless {@value #MAX_PENDING} are under way).
     *
     * @return completes true when it went out, false when it was not needed or the sink gave up
     * @throws io.mqchat.presence.store.StoreUnavailableException when Redis is down (retry later)
     */
    public CompletableFuture<Boolean> handle(Notification notification) {
        if (!store.connectedDevices(notification.recipient()).isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        // At the message's time: a mute that ended since the message was sent still covered it.
        boolean muted = mutes.isMuted(notification.recipient(), notification.conversationKey(), notification.ts());
        Optional<String> window = claimWindow(notification, muted);
        if (window.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        String claimedWindow = window.get();
        try {
            pending.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            released(notification, claimedWindow);
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<OptionalInt> counting;
        try {
            counting = unread.unreadOf(notification);
        } catch (RuntimeException e) {
            counting = CompletableFuture.completedFuture(OptionalInt.empty());
        }
        return counting
                .exceptionally(failure -> OptionalInt.empty())
                .thenComposeAsync(count -> sink.send(count.isPresent()
                        ? notification.withUnread(count.getAsInt()) : notification), sending)
                .exceptionally(failure -> false)
                .thenApply(sent -> {
                    if (!sent) {
                        released(notification, claimedWindow);
                    }
                    return sent;
                })
                .whenComplete((sent, failure) -> pending.release());
    }

    /**
     * The coalescing window this notification may go out in, claimed; empty when it is to stay silent. As WhatsApp
     * does, a mention gets through a mute and the conversation's window, but has a window of its own (the only one
     * in a muted conversation), so that mentions cannot flood a member.
     */
    private Optional<String> claimWindow(Notification notification, boolean muted) {
        String recipient = notification.recipient();
        String conversation = notification.conversationKey();
        String mentions = conversation + MENTION_WINDOW;
        if (muted) {
            return notification.mention() && coalescer.claim(recipient, mentions) ? Optional.of(mentions)
                    : Optional.empty();
        }
        if (coalescer.claim(recipient, conversation)) {
            return Optional.of(conversation);
        }
        return notification.mention() && coalescer.claim(recipient, mentions) ? Optional.of(mentions)
                : Optional.empty();
    }

    /** Waits up to {@code timeout} until no notification is under way; false when some still are. */
    public boolean awaitIdle(Duration timeout) {
        try {
            if (pending.tryAcquire(MAX_PENDING, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                pending.release(MAX_PENDING);
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warn("stopping with notifications still under way: they are not sent");
        return false;
    }

    /** The sink gave up: lets the next message of this conversation try instead of staying silent for a window. */
    private void released(Notification notification, String window) {
        try {
            coalescer.release(notification.recipient(), window);
            LOG.debug("notification of {} about {} not sent; window released", notification.recipient(),
                    notification.messageId());
        } catch (StoreUnavailableException e) {
            LOG.warn("notification of {} about {} not sent, and its window stays claimed: {}",
                    notification.recipient(), notification.messageId(), e.getMessage());
        }
    }
}
