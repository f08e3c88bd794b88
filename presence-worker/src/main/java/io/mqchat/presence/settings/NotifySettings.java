package io.mqchat.presence.settings;

import io.mqchat.presence.notify.WebhookSink.WebhookSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * How offline notifications go out.
 *
 * @param webhook        the webhook to call, empty for the log sink
 * @param coalesceWindow at most one notification per recipient and conversation in this window
 */
public record NotifySettings(Optional<WebhookSettings> webhook, Duration coalesceWindow) {

    /** Log sink, one-minute window. */
    public static NotifySettings defaults() {
        return new NotifySettings(Optional.empty(), Duration.ofMinutes(1));
    }
}
