package io.mqchat.extension.cluster;

import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.services.exception.NoSuchClientIdException;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import io.mqchat.extension.devices.KnownDevices;
import io.mqchat.protocol.DeviceAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Removes this node's sessions of a user who lives elsewhere now. What they queued was meant for the user's devices
 * while the user lived here; since then the user has been served by another node, and history sync has given the
 * devices whatever they missed, so delivering these queues would show messages twice.
 */
public final class SessionEviction {

    private final ClientService clients;
    private final KnownDevices devices;

    public SessionEviction(ClientService clients, KnownDevices devices) {
        this.clients = clients;
        this.devices = devices;
    }

    /**
     * Disconnects the user's connected devices here with SERVER_MOVED (they reconnect through the load balancer or
     * are redirected) and removes every session of the user's this node knows. Completes when all are gone.
     */
    public CompletableFuture<Void> evict(String user, String movedTo) {
        List<String> known = devices.devicesOf(user);
        CompletableFuture<?>[] evictions = new CompletableFuture<?>[known.size()];
        for (int i = 0; i < known.size(); i++) {
            DeviceAddress device = new DeviceAddress(user, known.get(i));
            evictions[i] = clients.disconnectClient(device.clientId(), true, DisconnectReasonCode.SERVER_MOVED,
                            "this user is served by node " + movedTo + " now")
                    .thenCompose(disconnected -> clients.invalidateSession(device.clientId()))
                    .handle((removed, failure) -> {
                        if (failure == null || cause(failure) instanceof NoSuchClientIdException) {
                            devices.forget(device);
                            return null;
                        }
                        throw new CompletionException(cause(failure));
                    });
        }
        return CompletableFuture.allOf(evictions);
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
