package io.mqchat.extension.queue;

import io.mqchat.extension.metrics.ChatMetrics;
import io.mqchat.extension.outbox.Outbox;
import io.mqchat.protocol.DeviceAddress;
import io.mqchat.protocol.Notice;
import io.mqchat.protocol.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reacts to messages HiveMQ dropped because a device's queue was full: counts and logs each drop, and tells
 * the device (at most once per interval) that it must sync history. The broker keeps the newest messages
 * (discard-oldest), so the notice itself is queued behind them and survives.
 */
public final class QueueOverflowNotices {

    private static final Logger log = LoggerFactory.getLogger(QueueOverflowNotices.class);

    private final Outbox outbox;
    private final ChatMetrics metrics;
    private final Clock clock;
    private final long intervalMillis;
    private final Map<String, Long> lastNotice = new ConcurrentHashMap<>();

    public QueueOverflowNotices(Outbox outbox, ChatMetrics metrics, Clock clock, Duration interval) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
    }

    /** Called for each message dropped from {@code clientId}'s full queue; must not block (a broker thread calls it). */
    public void dropped(String clientId, String topic) {
        metrics.queueDrops().inc();
        log.debug("queue of device '{}' full: dropped a message on {}", clientId, topic);
        Optional<DeviceAddress> device = DeviceAddress.parse(clientId);
        if (device.isEmpty()) {
            return;
        }
        long now = clock.millis();
        // The notice sits in the queue it reports on: when the overflow pushes the notice itself out, it goes in
        // again as the newest entry, so the device learns to sync however much more overflows before it connects.
        boolean noticeLost = topic.equals(Topics.notices(device.get().user()));
        Long previous = lastNotice.get(clientId);
        if (!noticeLost && previous != null && now - previous < intervalMillis) {
            return;
        }
        if (!noticeLost && (previous == null ? lastNotice.putIfAbsent(clientId, now) != null
                : !lastNotice.replace(clientId, previous, now))) {
            return;
        }
        log.warn("queue of device '{}' is full: dropping its oldest messages (topic {}); it must sync history",
                clientId, topic);
        Notice notice = new Notice(Notice.QUEUE_OVERFLOW, device.get().device(),
                "your offline queue overflowed and older messages were dropped: sync history", now);
        outbox.publishToClient(clientId, Topics.notices(device.get().user()), notice);
    }

    /** Forgets throttling state older than the interval; keeps the map from growing with every device ever seen. */
    public void sweep() {
        long oldest = clock.millis() - intervalMillis;
        lastNotice.values().removeIf(at -> at < oldest);
    }
}
