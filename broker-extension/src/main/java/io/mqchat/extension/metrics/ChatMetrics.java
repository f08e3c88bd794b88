package io.mqchat.extension.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;

/**
 * mqchat's own counters, registered in HiveMQ's metric registry next to the broker's, so one exporter
 * shows both.
 */
public final class ChatMetrics {

    public static final String PREFIX = "mqchat.";

    private final Counter messagesRouted;
    private final Counter readMarkersRouted;
    private final Counter groupMessagesRouted;
    private final Counter changesRouted;
    private final Counter requestsRefused;
    private final Counter errorRepliesWithheld;
    private final Counter permissionDenials;
    private final Counter authFailures;
    private final Counter deliveredReceipts;
    private final Counter failedDeliveries;
    private final Counter expiredDeliveries;
    private final Counter queueDrops;
    private final Counter receiptPublishes;
    private final Counter archiveFeedItems;
    private final Counter archiveFeedPublishes;
    private final Counter notStored;
    private final Counter resendsDropped;
    private final Counter blockedDropped;

    public ChatMetrics(MetricRegistry registry) {
        messagesRouted = registry.counter(PREFIX + "messages.routed");
        readMarkersRouted = registry.counter(PREFIX + "read-markers.routed");
        groupMessagesRouted = registry.counter(PREFIX + "group-messages.routed");
        changesRouted = registry.counter(PREFIX + "changes.routed");
        requestsRefused = registry.counter(PREFIX + "requests.refused");
        errorRepliesWithheld = registry.counter(PREFIX + "error-replies.withheld");
        permissionDenials = registry.counter(PREFIX + "requests.denied");
        authFailures = registry.counter(PREFIX + "auth.failures");
        deliveredReceipts = registry.counter(PREFIX + "receipts.delivered");
        failedDeliveries = registry.counter(PREFIX + "deliveries.failed");
        expiredDeliveries = registry.counter(PREFIX + "deliveries.expired");
        queueDrops = registry.counter(PREFIX + "queue.dropped");
        receiptPublishes = registry.counter(PREFIX + "receipts.publishes");
        archiveFeedItems = registry.counter(PREFIX + "archive-feed.items");
        archiveFeedPublishes = registry.counter(PREFIX + "archive-feed.publishes");
        notStored = registry.counter(PREFIX + "requests.not-stored");
        resendsDropped = registry.counter(PREFIX + "deliveries.resends-dropped");
        blockedDropped = registry.counter(PREFIX + "deliveries.blocked-dropped");
    }

    public Counter messagesRouted() {
        return messagesRouted;
    }

    /** Group messages handed to the group-worker (fan-out is counted there). */
    public Counter groupMessagesRouted() {
        return groupMessagesRouted;
    }

    /** Edits, deletes and reactions routed towards the archive (1-1) or the group-worker (groups). */
    public Counter changesRouted() {
        return changesRouted;
    }

    public Counter readMarkersRouted() {
        return readMarkersRouted;
    }

    /** Requests answered with an error (bad payload, bad recipient). */
    public Counter requestsRefused() {
        return requestsRefused;
    }

    /** Refused requests answered by their PUBACK only: the user's error budget was spent. */
    public Counter errorRepliesWithheld() {
        return errorRepliesWithheld;
    }

    /** Publishes outside the protocol's request topics, refused as permission violations. */
    public Counter permissionDenials() {
        return permissionDenials;
    }

    public Counter authFailures() {
        return authFailures;
    }

    public Counter deliveredReceipts() {
        return deliveredReceipts;
    }

    /** Deliveries a device answered with an MQTT 5 error PUBACK: not a delivery. */
    public Counter failedDeliveries() {
        return failedDeliveries;
    }

    /** Deliveries that never got a PUBACK within the delivery TTL. */
    public Counter expiredDeliveries() {
        return expiredDeliveries;
    }

    /** Messages the broker dropped because a device's queue was full. */
    public Counter queueDrops() {
        return queueDrops;
    }

    /** Publishes that carried DELIVERED receipts: fewer than receipts when busy senders' receipts were batched. */
    public Counter receiptPublishes() {
        return receiptPublishes;
    }

    /** Messages and read markers fed to the archive. */
    public Counter archiveFeedItems() {
        return archiveFeedItems;
    }

    /** Publishes that carried the archive feed's items (batched under load). */
    public Counter archiveFeedPublishes() {
        return archiveFeedPublishes;
    }

    /** Re-sends of messages a device had already acknowledged, dropped instead of delivered twice. */
    public Counter resendsDropped() {
        return resendsDropped;
    }

    /** A blocked user's presence updates and typing signals, dropped on their way to a blocker's device. */
    public Counter blockedDropped() {
        return blockedDropped;
    }

    /** Requests refused because a copy the server publishes beside them (archive, own copy) could not be stored. */
    public Counter notStored() {
        return notStored;
    }
}
