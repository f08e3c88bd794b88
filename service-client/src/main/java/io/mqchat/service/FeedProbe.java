package io.mqchat.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures one lane end to end: a tiny message published into the lane's own topic comes back through the broker's
 * queue behind everything published before it, so while it is out, the lane has work that is not done yet. A lane
 * whose probe does not come back is stalled, whether its handler waits (a store that is down) or the broker stopped
 * delivering. Probes carry the user property {@value #PROPERTY} and never reach the lane's handler.
 */
final class FeedProbe {

    /** Marks a probe; its value is the time it was sent (epoch ms). */
    static final String PROPERTY = "mqchat-probe";

    private static final long NONE = -1;

    private final Clock clock;
    private final AtomicLong outSince = new AtomicLong(NONE);

    FeedProbe(Clock clock) {
        this.clock = clock;
    }

    /** A probe to publish into the lane's {@code topic}, or empty while the previous one is still out. */
    Optional<OutboundMessage> next(String topic) {
        long now = clock.millis();
        if (!outSince.compareAndSet(NONE, now)) {
            return Optional.empty();
        }
        return Optional.of(OutboundMessage.to(topic, "{}".getBytes(StandardCharsets.UTF_8)).qos(1)
                .userProperty(PROPERTY, Long.toString(now)).build());
    }

    /** A probe that could not be published is not out: the next one is tried later. */
    void notSent() {
        outSince.set(NONE);
    }

    /** True, and the probe counted as back, when {@code message} is a probe. */
    boolean answers(InboundMessage message) {
        if (message.userProperty(PROPERTY).isEmpty()) {
            return false;
        }
        outSince.set(NONE);
        return true;
    }

    /** Since when the probe that has not come back yet is out (epoch ms). */
    Optional<Long> outSince() {
        long since = outSince.get();
        return since == NONE ? Optional.empty() : Optional.of(since);
    }
}
