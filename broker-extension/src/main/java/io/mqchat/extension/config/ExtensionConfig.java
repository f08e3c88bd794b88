package io.mqchat.extension.config;

import io.mqchat.extension.limits.ClientLimits;
import io.mqchat.extension.limits.RateLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the extension needs to know, validated on construction. Built by the server from its config
 * file, or by tests directly.
 *
 * @param jwt                    how CONNECT tokens are verified
 * @param maxMessageBytes        largest accepted request payload; larger ones get {@code too_large}
 * @param queueLimit             messages the broker queues per device before it drops the oldest
 * @param deliveryTtl            how long a delivery awaits its PUBACK before it is forgotten (no receipt)
 * @param overflowNoticeInterval at most one queue-overflow notice per device per this interval
 * @param rateLimit              requests one user may send
 * @param groupRateLimit         group messages one user may send (each costs a delivery per member)
 * @param activityInterval       at most one presence activity event per user per this interval
 * @param notifyIncludeBody      whether push notification requests carry the message text
 * @param disappearingTimers     the disappearing-message timers users may choose (a message's ttl must be one)
 * @param archiveFeed            whether routed messages and read markers are fed to the archive
 * @param clientLimits           devices per user, subscriptions per device, filter length
 */
public record ExtensionConfig(JwtConfig jwt, int maxMessageBytes, long queueLimit, Duration deliveryTtl,
                              Duration overflowNoticeInterval, RateLimit rateLimit, Duration activityInterval,
                              boolean notifyIncludeBody, DisappearingTimers disappearingTimers, boolean archiveFeed,
                              ClientLimits clientLimits, RateLimit groupRateLimit) {

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
    /** Ten times HiveMQ's default of 1000: about a week of a busy chat for a device that stays offline. */
    public static final long DEFAULT_QUEUE_LIMIT = 10_000;
    public static final Duration DEFAULT_DELIVERY_TTL = Duration.ofMinutes(10);
    public static final Duration DEFAULT_OVERFLOW_NOTICE_INTERVAL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_ACTIVITY_INTERVAL = Duration.ofMinutes(1);

    public ExtensionConfig {
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(deliveryTtl, "deliveryTtl");
        Objects.requireNonNull(overflowNoticeInterval, "overflowNoticeInterval");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(activityInterval, "activityInterval");
        Objects.requireNonNull(disappearingTimers, "disappearingTimers");
        Objects.requireNonNull(clientLimits, "clientLimits");
        Objects.requireNonNull(groupRateLimit, "groupRateLimit");
        if (maxMessageBytes < 256) {
            throw new IllegalArgumentException("message.max-bytes must be at least 256");
        }
        if (queueLimit < 1) {
            throw new IllegalArgumentException("queue.limit must be at least 1");
        }
        if (deliveryTtl.isNegative() || deliveryTtl.isZero()) {
            throw new IllegalArgumentException("receipts.delivery-ttl must be positive");
        }
    }

    /** Defaults for everything but the token check. */
    public static ExtensionConfig defaults(JwtConfig jwt) {
        return new ExtensionConfig(jwt, DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_QUEUE_LIMIT, DEFAULT_DELIVERY_TTL,
                DEFAULT_OVERFLOW_NOTICE_INTERVAL, RateLimit.DEFAULT, DEFAULT_ACTIVITY_INTERVAL, false,
                DisappearingTimers.DEFAULT, true, ClientLimits.DEFAULT, RateLimit.GROUP_DEFAULT);
    }

    public ExtensionConfig withJwt(JwtConfig tokens) {
        return new ExtensionConfig(tokens, maxMessageBytes, queueLimit, deliveryTtl, overflowNoticeInterval, rateLimit,
                activityInterval, notifyIncludeBody, disappearingTimers, archiveFeed,
                clientLimits, groupRateLimit);
    }

    public ExtensionConfig withClientLimits(ClientLimits limits) {
        return new ExtensionConfig(jwt, maxMessageBytes, queueLimit, deliveryTtl, overflowNoticeInterval, rateLimit,
                activityInterval, notifyIncludeBody, disappearingTimers, archiveFeed, limits, groupRateLimit);
    }

    public ExtensionConfig withGroupRateLimit(RateLimit limit) {
        return new ExtensionConfig(jwt, maxMessageBytes, queueLimit, deliveryTtl, overflowNoticeInterval, rateLimit,
                activityInterval, notifyIncludeBody, disappearingTimers, archiveFeed, clientLimits, limit);
    }

    public ExtensionConfig withQueueLimit(long limit) {
        return new ExtensionConfig(jwt, maxMessageBytes, limit, deliveryTtl, overflowNoticeInterval, rateLimit,
                activityInterval, notifyIncludeBody, disappearingTimers, archiveFeed,
                clientLimits, groupRateLimit);
    }

    public ExtensionConfig withRateLimit(RateLimit limit) {
        return new ExtensionConfig(jwt, maxMessageBytes, queueLimit, deliveryTtl, overflowNoticeInterval, limit,
                activityInterval, notifyIncludeBody, disappearingTimers, archiveFeed,
                clientLimits, groupRateLimit);
    }

    public ExtensionConfig withActivityInterval(Duration interval) {
        return new ExtensionConfig(jwt, maxMessageBytes, queueLimit, deliveryTtl, overflowNoticeInterval, rateLimit,
                interval, notifyIncludeBody, disappearingTimers, archiveFeed,
                clientLimits, groupRateLimit);
    }

    public ExtensionConfig withNotifyIncludeBody(boolean include) {
        return new ExtensionConfig(jwt, maxMessageBytes, queueLimit, deliveryTtl, overflowNoticeInterval, rateLimit,
                activityInterval, include, disappearingTimers, archiveFeed,
                clientLimits, groupRateLimit);
    }

    public ExtensionConfig withDisappearingTimers(DisappearingTimers timers) {
        return new ExtensionConfig(jwt, maxMessageBytes, queueLimit, deliveryTtl, overflowNoticeInterval, rateLimit,
                activityInterval, notifyIncludeBody, timers, archiveFeed, clientLimits, groupRateLimit);
    }

    public ExtensionConfig withArchiveFeed(boolean feed) {
        return new ExtensionConfig(jwt, maxMessageBytes, queueLimit, deliveryTtl, overflowNoticeInterval, rateLimit,
                activityInterval, notifyIncludeBody, disappearingTimers, feed, clientLimits, groupRateLimit);
    }
}
