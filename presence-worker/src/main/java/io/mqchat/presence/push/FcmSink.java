package io.mqchat.presence.push;

import io.mqchat.presence.notify.Notification;
import io.mqchat.presence.notify.NotificationSink;
import io.mqchat.presence.store.PushToken;
import io.mqchat.presence.store.PushTokens;
import io.mqchat.presence.store.StoreUnavailableException;
import io.mqchat.protocol.PushPlatform;
import java.net.http.HttpClient;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the recipient's Android devices: sends the notification to every FCM token the recipient's devices
 * registered, and forgets a token FCM calls unregistered. Logs neither tokens nor message text.
 */
public final class FcmSink implements NotificationSink {

    private static final Logger LOG = LoggerFactory.getLogger(FcmSink.class);

    private final PushTokens tokens;
    private final FcmSender sender;

    public FcmSink(PushTokens tokens, HttpClient http, FcmAccess access, FcmSettings settings) {
        this.tokens = tokens;
        this.sender = new FcmSender(http, access, settings);
    }

    /** True when FCM took it for at least one device. */
    @Override
    public boolean send(Notification notification) {
        List<PushToken> devices;
        try {
            devices = tokens.tokensOf(notification.recipient()).stream()
                    .filter(token -> token.platform() == PushPlatform.FCM).toList();
        } catch (StoreUnavailableException e) {
            LOG.warn("no FCM notification of {} about message {}: the token store is down ({})",
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
        FcmSender.Result result;
        try {
            result = sender.send(device.token(), notification);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        switch (result.outcome()) {
            case SENT -> {
                return true;
            }
            case UNREGISTERED -> {
                LOG.info("FCM no longer knows the token of {}'s device {} ({}): removed", notification.recipient(),
                        device.device(), result.detail());
                try {
                    tokens.removeToken(PushPlatform.FCM, device.token());
                } catch (StoreUnavailableException e) {
                    LOG.warn("could not remove the token FCM refused: {}", e.getMessage());
                }
            }
            default -> LOG.warn("FCM gave up on the notification of {}'s device {} about message {}: {}",
                    notification.recipient(), device.device(), notification.messageId(), result.detail());
        }
        return false;
    }
}
