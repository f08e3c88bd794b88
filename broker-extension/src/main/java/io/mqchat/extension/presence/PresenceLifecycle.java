package io.mqchat.extension.presence;

import io.mqchat.extension.devices.KnownDevices;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ClientInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import io.mqchat.extension.auth.Roles;
import io.mqchat.protocol.DeviceAddress;
import java.time.Clock;
import java.util.Optional;

/**
 * Turns a user device's connection lifecycle into presence: connected once authenticated, disconnected on
 * every kind of end (DISCONNECT, keep-alive timeout, network loss, takeover, server shutdown). The
 * connection's id is kept on the connection itself, so a late disconnect of a replaced connection cannot
 * end its successor. Service accounts (workers) have no presence. Every authenticated device is also recorded
 * among the user's {@link KnownDevices}.
 */
public final class PresenceLifecycle implements ClientLifecycleEventListener {

    private static final String CONNECTION_ATTRIBUTE = "mqchat.connection";

    private final Connections connections;
    private final KnownDevices devices;
    private final PresenceEvents events;
    private final Clock clock;

    public PresenceLifecycle(Connections connections, KnownDevices devices, PresenceEvents events, Clock clock) {
        this.connections = connections;
        this.devices = devices;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {
    }

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
        if (Roles.isService(input.getConnectionInformation())) {
            return;
        }
        Optional<DeviceAddress> device = DeviceAddress.parse(input.getClientInformation().getClientId());
        if (device.isEmpty()) {
            return;
        }
        devices.register(device.get());
        LiveConnection connection = connections.open(device.get(), clock.millis());
        input.getConnectionInformation().getConnectionAttributeStore().putAsString(CONNECTION_ATTRIBUTE, connection.id());
        events.connected(connection, connections.brokerRun());
    }

    @Override
    public void onClientInitiatedDisconnect(ClientInitiatedDisconnectInput input) {
        // A DISCONNECT is itself the device's last activity.
        connections.touch(input.getClientInformation().getClientId(), clock.millis());
        onDisconnect(input);
    }

    @Override
    public void onDisconnect(DisconnectEventInput input) {
        ConnectionAttributeStore attributes = input.getConnectionInformation().getConnectionAttributeStore();
        Optional<String> id = attributes.getAsString(CONNECTION_ATTRIBUTE);
        if (id.isEmpty()) {
            return;
        }
        attributes.remove(CONNECTION_ATTRIBUTE);
        String clientId = input.getClientInformation().getClientId();
        connections.close(clientId, id.get()).ifPresent(connection -> events.disconnected(connection,
                connections.brokerRun(), connections.connectedDevices(connection.device().user()) == 0));
    }
}
