package io.mqchat.extension.receipts;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Correlates outbound chat PUBLISHes with the PUBACKs that prove delivery, keyed by (client id, packet id).
 *
 * <p>HiveMQ assigns the packet id before the outbound interceptor runs, reuses ids as soon as they are
 * acknowledged, and re-sends an unacknowledged message with the same id after a reconnect or a restart
 * (firing the interceptor again). So every QoS 1 write to a device either records its chat message or
 * clears whatever an earlier write left under that packet id; a PUBACK removes the entry; a device whose
 * session starts empty loses all of its entries; anything else left over is swept after the TTL. Only
 * in-flight messages are held, so the maps stay small.
 */
public final class DeliveryTracker {

    private final Map<String, Map<Integer, PendingDelivery>> inFlight = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private final AcknowledgedWrites acknowledgedWrites;

    public DeliveryTracker(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
        this.acknowledgedWrites = new AcknowledgedWrites(clock, ttl);
    }

    /**
     * Records that {@code messageId} from {@code sender} (of group {@code group}, null for 1-1) was written to
     * {@code clientId} as {@code packetId}; {@code fingerprint} identifies the write (see {@link #fingerprint}).
     */
    public void written(String clientId, int packetId, long fingerprint, String messageId, String sender,
                        String group) {
        inFlight.computeIfAbsent(clientId, id -> new ConcurrentHashMap<>())
                .put(packetId, new PendingDelivery(messageId, sender, group, clock.millis()));
        acknowledgedWrites.written(clientId, packetId, fingerprint);
    }

    /** Records that something other than a tracked chat message was written to {@code clientId} as {@code packetId}. */
    public void writtenUntracked(String clientId, int packetId, long fingerprint) {
        remove(clientId, packetId);
        acknowledgedWrites.written(clientId, packetId, fingerprint);
    }

    /**
     * True when a write marked DUP is the broker's re-send of a write {@code clientId} already acknowledged (its PUBACK
     * lost to a disconnect inside the broker, see {@link AcknowledgedWrites}); the caller drops it.
     */
    public boolean isAcknowledgedResend(String clientId, int packetId, long fingerprint) {
        return acknowledgedWrites.isAcknowledgedResend(clientId, packetId, fingerprint);
    }

    /** What identifies a write among the re-sends of a device: its topic and payload. */
    public static long fingerprint(String topic, ByteBuffer payload) {
        return 31L * topic.hashCode() + payload.hashCode();
    }

    /**
     * Completes the write that {@code clientId} acknowledged. Returns the delivery only for a successful PUBACK:
     * an MQTT 5 error PUBACK ends the flow at the broker but is no delivery.
     */
    public Optional<PendingDelivery> acknowledged(String clientId, int packetId, boolean success) {
        PendingDelivery pending = remove(clientId, packetId);
        acknowledgedWrites.acknowledged(clientId, packetId);
        return success ? Optional.ofNullable(pending) : Optional.empty();
    }

    /** Forgets every write to {@code clientId}, whose session (and so its in-flight messages) is gone. */
    public int forget(String clientId) {
        acknowledgedWrites.forget(clientId);
        Map<Integer, PendingDelivery> removed = inFlight.remove(clientId);
        return removed == null ? 0 : removed.size();
    }

    /** Removes writes older than the TTL and returns how many. */
    public int sweep() {
        acknowledgedWrites.sweep();
        long oldest = clock.millis() - ttl.toMillis();
        int[] removed = {0};
        for (String clientId : inFlight.keySet()) {
            inFlight.computeIfPresent(clientId, (id, writes) -> {
                int before = writes.size();
                writes.values().removeIf(pending -> pending.writtenAt() < oldest);
                removed[0] += before - writes.size();
                return writes.isEmpty() ? null : writes;
            });
        }
        return removed[0];
    }

    public int size() {
        return inFlight.values().stream().mapToInt(Map::size).sum();
    }

    private PendingDelivery remove(String clientId, int packetId) {
        PendingDelivery[] removed = {null};
        inFlight.computeIfPresent(clientId, (id, writes) -> {
            removed[0] = writes.remove(packetId);
            return writes.isEmpty() ? null : writes;
        });
        return removed[0];
    }
}
