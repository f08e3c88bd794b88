package io.mqchat.presence.push;

import io.mqchat.presence.notify.Notification;
import io.mqchat.presence.notify.NotificationSink;
import io.mqchat.presence.store.PushToken;
import io.mqchat.presence.store.PushTokens;
import io.mqchat.presence.store.StoreUnavailableException;
import io.mqchat.protocol.PushPlatform;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the recipient's devices through one push service: sends the notification to every token of that service the
 * recipient's devices registered, and forgets a token the service calls gone. Logs neither tokens nor message text.
 */
public final class PushServiceSink implements NotificationSink {

    private static final Logger LOG = LoggerFactory.getLogger(PushServiceSink.class);

    /** Sends to one device of a push service. */
    interface DeviceSender extends AutoCloseable {

        PushAttempts.Answer send(PushToken token, Notification notification) throws InterruptedException;

        @Override
        default void close() {
        }
    }

    private final PushTokens tokens;
    private final PushPlatform platform;
    private final DeviceSender sender;
    private final PushOutcomes outcomes;

    PushServiceSink(PushTokens tokens, PushPlatform platform, DeviceSender sender, PushOutcomes outcomes) {
        this.tokens = tokens;
        this.platform = platform;
        this.sender = sender;
        this.outcomes = outcomes;
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

    /** True when the service took it for at least one device. */
    @Override
    public boolean send(Notification notification) {
        List<PushToken> devices;
        try {
            devices = tokens.tokensOf(notification.recipient()).stream()
                    .filter(token -> token.platform() == platform).toList();
        } catch (StoreUnavailableException e) {
            LOG.warn("no {} notification of {} about message {}: the token store is down ({})", platform.wireName(),
                    notification.recipient(), notification.messageId(), e.getMessage());
            return false;
        }
        boolean sent = false;
        for (PushToken device : devices) {
            sent |= sendTo(device, notification);
        }
        return sent;
    }

    private boolean sendTo(PushToken device, Notification notification) {
        PushAttempts.Answer answer;
        try {
            answer = sender.send(device, notification);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        outcomes.record(platform, outcomeOf(answer));
        switch (answer.outcome()) {
            case SENT -> {
                return true;
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
        return false;
    }

    private static PushOutcomes.Outcome outcomeOf(PushAttempts.Answer answer) {
        return switch (answer.outcome()) {
            case SENT -> PushOutcomes.Outcome.SENT;
            case UNREGISTERED -> PushOutcomes.Outcome.TOKEN_REMOVED;
            case FAILED -> answer.again() ? PushOutcomes.Outcome.GAVE_UP : PushOutcomes.Outcome.REFUSED;
        };
    }

    /** Ends the service's connections. */
    @Override
    public void close() {
        try {
            sender.close();
        } catch (Exception e) {
            LOG.debug("closing the {} sender: {}", platform.wireName(), e.toString());
        }
    }
}
