package io.mqchat.extension.limits;

import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import io.mqchat.extension.devices.KnownDevices;
import io.mqchat.extension.devices.KnownDevices.Registration;
import io.mqchat.extension.lifecycle.DisconnectListener;
import io.mqchat.protocol.DeviceAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds each user to a number of devices. It counts sessions, not connections: an offline device's persistent
 * session still takes a copy of every message to its user, so 60 sessions of one account cost 60 copies. A device
 * the user already has is always admitted (it must get back to its session); a new one while the user has fewer
 * than the limit. Before refusing, devices whose sessions have gone (expired, or ended with a clean start and no
 * expiry) are forgotten, so signing out of a device frees its place.
 */
public final class DeviceQuota implements DisconnectListener {

    /**
     * A device admitted this recently whose connection has not ended yet may not have its session yet: it is not
     * taken for gone. (Once connected it has one; once its connection ended, its session is what it will be.)
     */
    private static final Duration JOINING = Duration.ofMinutes(1);

    private final KnownDevices devices;
    private final ClientService clients;
    private final int max;
    private final Clock clock;
    /** Client ids admitted as new devices, with when, until their connection ends or {@link #JOINING} passed. */
    private final ConcurrentHashMap<String, Long> joining = new ConcurrentHashMap<>();

    public DeviceQuota(KnownDevices devices, ClientService clients, int max, Clock clock) {
        this.devices = devices;
        this.clients = clients;
        this.max = max;
        this.clock = clock;
    }

    /** The most devices one user may have. */
    public int max() {
        return max;
    }

    /**
     * Completes with true when {@code device} may connect, having recorded it; at once unless the user is at the limit,
     * else after a look at which of the user's devices still have sessions.
     */
    public CompletableFuture<Boolean> admit(DeviceAddress device) {
        if (register(device)) {
            return CompletableFuture.completedFuture(true);
        }
        long now = clock.millis();
        joining.values().removeIf(since -> now - since > JOINING.toMillis());
        List<CompletableFuture<Void>> checks = devices.devicesOf(device.user()).stream()
                .map(name -> new DeviceAddress(device.user(), name))
                .filter(other -> !joining.containsKey(other.clientId()))
                .map(other -> clients.getSession(other.clientId()).thenAccept(session -> {
                    if (session.isEmpty()) {
                        devices.forget(other);
                    }
                }))
                .toList();
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).thenApply(checked -> register(device));
    }

    @Override
    public void onDisconnect(DisconnectEventInput input) {
        joining.remove(input.getClientInformation().getClientId());
    }

    private boolean register(DeviceAddress device) {
        Registration registration = devices.registerIfRoom(device, max);
        if (registration == Registration.ADDED) {
            joining.put(device.clientId(), clock.millis());
        }
        return registration != Registration.FULL;
    }
}
