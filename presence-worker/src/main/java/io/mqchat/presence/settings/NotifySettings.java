package io.mqchat.presence.settings;

import io.mqchat.presence.notify.WebhookSink.WebhookSettings;
import io.mqchat.presence.push.ApnsSettings;
import io.mqchat.presence.push.FcmSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * How offline notifications go out.
 *
 * @param webhook        the webhook to call, empty for the log sink
 * @param fcm            FCM, which gets them too for the devices with FCM tokens; empty for none
 * @param apns           APNs, which gets them too for the devices with APNs tokens; empty for none
 * @param coalesceWindow at most one notification per recipient and conversation in this window
 * @param badgeTimeout   how long a notification waits for the archive's unread count; zero sends none
 */
public record NotifySettings(Optional<WebhookSettings> webhook, Optional<FcmSettings> fcm,
                             Optional<ApnsSettings> apns, Duration coalesceWindow, Duration badgeTimeout) {

    /** Without push services or badges. */
    public NotifySettings(Optional<WebhookSettings> webhook, Duration coalesceWindow) {
        this(webhook, Optional.empty(), Optional.empty(), coalesceWindow, Duration.ZERO);
    }

    /** Whether notifications carry the recipient's unread count. */
    public boolean badges() {
        return !badgeTimeout.isZero();
    }

    /** Log sink, one-minute window, badges asked of the archive for up to 2 s. */
    public static NotifySettings defaults() {
        return new NotifySettings(Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofMinutes(1),
                Duration.ofSeconds(2));
    }
}
