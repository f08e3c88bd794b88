package io.mqchat.extension.receipts;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which writes a device acknowledged lately, so that the broker's re-send of one of them can be dropped.
 *
 * <p>Why: HiveMQ hands a PUBACK to the extension's PUBACK interceptor before it completes the message; when the device
 * disconnects (or its connection closes) right after acknowledging, the close overtakes the queued PUBACK, the message
 * stays in the session as in flight and is sent again, with DUP and the same packet id, on the next connect (measured
 * in a lab against embedded HiveMQ CE 2025.5: up to 50 of 200 acknowledged messages came again, none on a broker
 * without the interceptor). A write is recognised by client, packet id and a fingerprint of topic and payload; a later
 * first (non-DUP) write with the same packet id ends what an acknowledgement says about it.
 *
 * <p>Kept per device: the writes in flight (until acknowledged) and the acknowledgements of the last
 * {@value #SETTLE_MILLIS} ms before its latest one (an older one was applied by the broker long since, as it is
 * applied right after the interceptor returns), so the suspects of a connection that just closed wait for the next
 * connect, and a connected device keeps a window's worth at most. All of one device's calls come from HiveMQ's
 * extension thread for that device; the sweep comes from elsewhere, so each device's state is locked.
 */
final class AcknowledgedWrites {

    /** How long after an acknowledgement the broker may not have applied it yet, with a wide margin. */
    static final long SETTLE_MILLIS = 10_000;

    private final Map<String, DeviceWrites> devices = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    AcknowledgedWrites(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A QoS 1 write to {@code clientId} as {@code packetId}: a first write, or a re-send not recognised. */
    void written(String clientId, int packetId, long fingerprint) {
        DeviceWrites device = devices.computeIfAbsent(clientId, id -> new DeviceWrites());
        synchronized (device) {
            device.acknowledged.remove(packetId);
            device.inFlight.put(packetId, new long[] {fingerprint, clock.millis()});
        }
    }

    /** {@code clientId} acknowledged {@code packetId}. */
    void acknowledged(String clientId, int packetId) {
        DeviceWrites device = devices.get(clientId);
        if (device == null) {
            return;
        }
        long now = clock.millis();
        synchronized (device) {
            long[] written = device.inFlight.remove(packetId);
            if (written == null) {
                return;
            }
            device.acknowledged.remove(packetId);
            device.acknowledged.put(packetId, new long[] {written[0], now});
            Iterator<long[]> oldest = device.acknowledged.values().iterator();
            while (oldest.hasNext() && oldest.next()[1] < now - SETTLE_MILLIS) {
                oldest.remove();
            }
        }
    }

    /**
     * True when a DUP write is the re-send of a write {@code clientId} already acknowledged: the caller drops it (which
     * completes it at the broker), and it is forgotten here.
     */
    boolean isAcknowledgedResend(String clientId, int packetId, long fingerprint) {
        DeviceWrites device = devices.get(clientId);
        if (device == null) {
            return false;
        }
        synchronized (device) {
            long[] acknowledged = device.acknowledged.get(packetId);
            if (acknowledged == null || acknowledged[0] != fingerprint) {
                return false;
            }
            device.acknowledged.remove(packetId);
            return true;
        }
    }

    /** Forgets everything about {@code clientId}, whose session is new. */
    void forget(String clientId) {
        devices.remove(clientId);
    }

    /** Forgets acknowledgements and writes older than the TTL. */
    void sweep() {
        long oldest = clock.millis() - ttl.toMillis();
        for (String clientId : devices.keySet()) {
            devices.computeIfPresent(clientId, (id, device) -> {
                synchronized (device) {
                    device.acknowledged.values().removeIf(acknowledged -> acknowledged[1] < oldest);
                    device.inFlight.values().removeIf(written -> written[1] < oldest);
                    return device.acknowledged.isEmpty() && device.inFlight.isEmpty() ? null : device;
                }
            });
        }
    }

    /** How many writes are remembered, in flight or acknowledged (a gauge). */
    int size() {
        int size = 0;
        for (DeviceWrites device : devices.values()) {
            synchronized (device) {
                size += device.inFlight.size() + device.acknowledged.size();
            }
        }
        return size;
    }

    private static final class DeviceWrites {
        /** packet id -> {fingerprint, written at}. */
        private final Map<Integer, long[]> inFlight = new HashMap<>();
        /** packet id -> {fingerprint, acknowledged at}, oldest acknowledgement first. */
        private final LinkedHashMap<Integer, long[]> acknowledged = new LinkedHashMap<>();
    }
}
