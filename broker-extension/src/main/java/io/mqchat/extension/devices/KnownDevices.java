package io.mqchat.extension.devices;

import com.hivemq.extension.sdk.api.services.session.ClientService;
import io.mqchat.protocol.DeviceAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices of each user that have a session on this broker: the ones a copy of the user's own message can
 * reach. A sender without another device needs no copy in its own inbox, and that copy was a third of the broker
 * messages a chat message cost (docs/BENCHMARKS.md). Filled from the broker's sessions at start and from every
 * authenticated connection; until the start-up scan has finished, every user is assumed to have other devices,
 * so no copy is ever skipped that a device could have received. A device is forgotten only once it was found
 * without a session ({@link #forget}); until then an expired session costs only a copy nobody receives.
 */
public final class KnownDevices {

    private static final Logger log = LoggerFactory.getLogger(KnownDevices.class);

    // Arrays, not sets: most users have one to three devices, and this map holds an entry per device the broker has
    // seen, so its memory counts against the memory per device.
    private final ConcurrentHashMap<String, String[]> byUser = new ConcurrentHashMap<>();
    private volatile boolean complete;

    /** Records that {@code device} has (or is about to have) a session. */
    public void register(DeviceAddress device) {
        registerIfRoom(device, Integer.MAX_VALUE);
    }

    /**
     * Records {@code device} unless its user already has {@code max} other devices. Atomic per user, so devices
     * connecting at once cannot overshoot the limit together.
     */
    public Registration registerIfRoom(DeviceAddress device, int max) {
        Registration[] outcome = {Registration.FULL};
        byUser.compute(device.user(), (user, devices) -> {
            if (devices == null) {
                outcome[0] = Registration.ADDED;
                return new String[] {device.device()};
            }
            for (String known : devices) {
                if (known.equals(device.device())) {
                    outcome[0] = Registration.KNOWN;
                    return devices;
                }
            }
            if (devices.length >= max) {
                return devices;
            }
            outcome[0] = Registration.ADDED;
            String[] more = Arrays.copyOf(devices, devices.length + 1);
            more[devices.length] = device.device();
            return more;
        });
        return outcome[0];
    }

    /** The devices recorded for {@code user}. */
    public List<String> devicesOf(String user) {
        String[] devices = byUser.get(user);
        return devices == null ? List.of() : List.of(devices);
    }

    /** Forgets {@code device}, found to have no session any more. */
    public void forget(DeviceAddress device) {
        byUser.computeIfPresent(device.user(), (user, devices) -> {
            String[] rest = Arrays.stream(devices).filter(known -> !known.equals(device.device())).toArray(String[]::new);
            return rest.length == 0 ? null : rest;
        });
    }

    /** What {@link #registerIfRoom} did. */
    public enum Registration {
        /** The device was recorded before. */
        KNOWN,
        /** The device is recorded now. */
        ADDED,
        /** The user has as many devices as allowed; the device is not recorded. */
        FULL
    }

    /** True when {@code user} may have a device other than {@code device} that a copy of its message could reach. */
    public boolean hasOtherDevice(String user, String device) {
        if (!complete) {
            return true;
        }
        String[] devices = byUser.get(user);
        return devices != null && (devices.length > 1 || !devices[0].equals(device));
    }

    /** The users with a recorded device. */
    public java.util.Set<String> users() {
        return java.util.Set.copyOf(byUser.keySet());
    }

    /**
     * Adds every device with a session in the broker's persistence, then trusts the registry. Asynchronous: completes
     * when the scan is done, whether it succeeded or not.
     */
    public java.util.concurrent.CompletableFuture<Void> loadFrom(ClientService clients) {
        return clients.iterateAllClients((context, session) ->
                        DeviceAddress.parse(session.getClientIdentifier()).ifPresent(this::register))
                .whenComplete((done, error) -> {
                    if (error != null) {
                        log.warn("could not list the broker's sessions; every message keeps its copy for the "
                                + "sender's other devices: {}", error.toString());
                    } else {
                        complete = true;
                    }
                }).handle((done, error) -> null);
    }
}
