package io.mqchat.extension.receipts;

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
 * (firing the interceptor again). So an entry is overwritten on every write, removed by its PUBACK, and
 * rebuilt by a re-send; entries that never get one (session discarded, message expired) are swept after
 * the TTL. Only in-flight messages are held, so the map stays small.
 */
public final class DeliveryTracker {

    private record Key(String clientId, int packetId) {
    }

    private final Map<Key, PendingDelivery> inFlight = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    public DeliveryTracker(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Records that {@code messageId} from {@code sender} was written to {@code clientId} as {@code packetId}. */
    public void written(String clientId, int packetId, String messageId, String sender) {
        inFlight.put(new Key(clientId, packetId), new PendingDelivery(messageId, sender, clock.millis()));
    }

    /**
     * Completes the write that {@code clientId} acknowledged. Returns the delivery only for a successful PUBACK:
     * an MQTT 5 error PUBACK ends the flow at the broker but is no delivery.
     */
    public Optional<PendingDelivery> acknowledged(String clientId, int packetId, boolean success) {
        PendingDelivery pending = inFlight.remove(new Key(clientId, packetId));
        return success ? Optional.ofNullable(pending) : Optional.empty();
    }

    /** Forgets every write to {@code clientId}, whose session was discarded (clean start). */
    public int forget(String clientId) {
        int before = inFlight.size();
        inFlight.keySet().removeIf(key -> key.clientId().equals(clientId));
        return Math.max(0, before - inFlight.size());
    }

    /** Removes writes older than the TTL and returns how many. */
    public int sweep() {
        long oldest = clock.millis() - ttl.toMillis();
        int before = inFlight.size();
        inFlight.values().removeIf(pending -> pending.writtenAt() < oldest);
        return Math.max(0, before - inFlight.size());
    }

    public int size() {
        return inFlight.size();
    }
}
