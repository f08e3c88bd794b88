package io.mqchat.presence.push;

import io.mqchat.presence.notify.DeliveryAttempts;
import io.mqchat.presence.notify.Notification;
import io.mqchat.presence.notify.NotificationSink;
import io.mqchat.presence.store.PushToken;
import io.mqchat.presence.store.PushTokens;
import io.mqchat.presence.store.StoreUnavailableException;
import io.mqchat.protocol.PushPlatform;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the recipient's devices through one push service: sends the notification to every token of that service the
 * recipient's devices registered, and forgets a token the service calls gone. Does not wait for the service: a slow
 * or throttling service holds up no other user's notification or the worker lane; with {@link #MAX_IN_FLIGHT} pushes
 * under way, another is given up on at once (counted) rather than pile up without bound. Logs neither tokens nor
 * message text.
 */
public final class PushServiceSink implements NotificationSink {

    private static final Logger LOG = LoggerFactory.getLogger(PushServiceSink.class);

    /** Pushes under way at most, per service; one more is given up on at once. */
    static final int MAX_IN_FLIGHT = 1024;

    /** Sends to one device of a push service. */
    interface DeviceSender extends AutoCloseable {

        /** Completes with the service's last answer, after the tries that may help. */
        CompletableFuture<DeliveryAttempts.Answer> send(PushToken token, Notification notification);

        @Override
        default void close() {
        }
    }

    private final PushTokens tokens;
    private final PushPlatform platform;
    private final DeviceSender sender;
    private final PushOutcomes outcomes;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    /**
     * Handles the services' answers (a token's removal is a Redis call) off the threads that read them: Pushy's event
     * loop and the HTTP client's must not wait for Redis.
     */
    private final ExecutorService answers;

    PushServiceSink(PushTokens tokens, PushPlatform platform, DeviceSender sender, PushOutcomes outcomes) {
        this.tokens = tokens;
        this.platform = platform;
        this.sender = sender;
        this.outcomes = outcomes;
        this.answers = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mqchat " + platform.wireName() + " answers");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Firebase Cloud Messaging, for the devices' FCM tokens; counts what became of each push in {@code outcomes}. */
    public static PushServiceSink fcm(PushTokens tokens, HttpClient http, FcmAccess access, FcmSettings settings,
                                      PushOutcomes outcomes) {
        FcmSender fcm = new FcmSender(http, access, settings);
        return new PushServiceSink(tokens, PushPlatform.FCM, fcm::send, outcomes);
    }

    /** Apple's push service, for the devices' APNs tokens, sandbox and production; counts in {@code outcomes}. */
    public static PushServiceSink apns(PushTokens tokens, ApnsSettings settings, Clock clock, PushOutcomes outcomes) {
        return new PushServiceSink(tokens, PushPlatform.APNS, new ApnsSender(settings, clock), outcomes);
    }

    /**
     * Completes true when the service took it for at least one device, false when there was none or it took it for
     * none; what the service answers is counted and logged.
     */
    @Override
    public CompletableFuture<Boolean> send(Notification notification) {
        List<PushToken> devices;
        try {
            devices = tokens.tokensOf(notification.recipient()).stream()
                    .filter(token -> token.platform() == platform).toList();
        } catch (StoreUnavailableException e) {
            LOG.warn("no {} notification of {} about message {}: the token store is down ({})", platform.wireName(),
                    notification.recipient(), notification.messageId(), e.getMessage());
            return CompletableFuture.completedFuture(false);
        }
        List<CompletableFuture<Boolean>> sent = new ArrayList<>(devices.size());
        for (PushToken device : devices) {
            if (!inFlight.tryAcquire()) {
                // Never waits: the calling thread also serves the other sinks.
                LOG.warn("{} gave up on the notification of {}'s device {} about message {}: {} pushes under way",
                        platform.wireName(), notification.recipient(), device.device(), notification.messageId(),
                        MAX_IN_FLIGHT);
                outcomes.record(platform, PushOutcomes.Outcome.GAVE_UP);
                continue;
            }
            CompletableFuture<DeliveryAttempts.Answer> pushed;
            try {
                pushed = sender.send(device, notification);
            } catch (RuntimeException e) {
                pushed = CompletableFuture.failedFuture(e);
            }
            sent.add(pushed.handleAsync((answer, failure) -> {
                try {
                    DeliveryAttempts.Answer last = failure == null ? answer
                            : DeliveryAttempts.Answer.refused(failure.getClass().getSimpleName());
                    answered(device, notification, last);
                    return last.outcome() == DeliveryAttempts.Outcome.SENT;
                } finally {
                    inFlight.release();
                }
            }, answers));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .handle((all, failure) -> sent.stream()
                        .anyMatch(device -> !device.isCompletedExceptionally() && device.getNow(false)));
    }

    /** Waits until no push is under way (for tests; {@link #close()} waits a bounded time instead). */
    void awaitIdle() throws InterruptedException {
        inFlight.acquire(MAX_IN_FLIGHT);
        inFlight.release(MAX_IN_FLIGHT);
    }

    private void answered(PushToken device, Notification notification, DeliveryAttempts.Answer answer) {
        outcomes.record(platform, outcomeOf(answer));
        switch (answer.outcome()) {
            case SENT -> {
                // counted
            }
            case UNREGISTERED -> {
                LOG.info("{} no longer knows the token of {}'s device {} ({}): removed", platform.wireName(),
                        notification.recipient(), device.device(), answer.detail());
                try {
                    tokens.removeToken(platform, device.token());
                } catch (StoreUnavailableException e) {
                    LOG.warn("could not remove the token {} refused: {}", platform.wireName(), e.getMessage());
                }
            }
            default -> LOG.warn("{} gave up on the notification of {}'s device {} about message {}: {}",
                    platform.wireName(), notification.recipient(), device.device(), notification.messageId(),
                    answer.detail());
        }
    }

    private static PushOutcomes.Outcome outcomeOf(DeliveryAttempts.Answer answer) {
        return switch (answer.outcome()) {
            case SENT -> PushOutcomes.Outcome.SENT;
            case UNREGISTERED -> PushOutcomes.Outcome.TOKEN_REMOVED;
            case FAILED -> answer.again() ? PushOutcomes.Outcome.GAVE_UP : PushOutcomes.Outcome.REFUSED;
        };
    }

    /** Lets the pushes under way finish (at most {@link DeliveryAttempts#MAX_PAUSE} and a bit), then ends the connections. */
    @Override
    public void close() {
        try {
            if (inFlight.tryAcquire(MAX_IN_FLIGHT, DeliveryAttempts.MAX_PAUSE.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                inFlight.release(MAX_IN_FLIGHT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answers.shutdown();
        try {
            sender.close();
        } catch (Exception e) {
            LOG.debug("closing the {} sender: {}", platform.wireName(), e.toString());
        }
    }
}
