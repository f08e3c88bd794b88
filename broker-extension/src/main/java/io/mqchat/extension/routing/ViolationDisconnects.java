package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.packets.general.MqttVersion;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends the connection of a device that published outside the protocol. HiveMQ disconnects an MQTT 3.1.1 client whose
 * publish an interceptor refuses, but an MQTT 5 client only gets the error PUBACK and stays: a client probing for
 * topics it may write could go on for ever. The DISCONNECT follows a moment after the PUBACK, so the client sees the
 * PUBACK's reason first.
 */
final class ViolationDisconnects {

    private static final long DELAY_MILLIS = 100;

    private final ClientService clients;
    private final ScheduledExecutorService scheduler;

    ViolationDisconnects(ClientService clients, ScheduledExecutorService scheduler) {
        this.clients = clients;
        this.scheduler = scheduler;
    }

    /** Disconnects {@code clientId} with NOT_AUTHORIZED if it speaks MQTT 5 (HiveMQ already does for 3.1.1). */
    void violated(String clientId, MqttVersion version, String reason) {
        if (version != MqttVersion.V_5) {
            return;
        }
        scheduler.schedule(() -> clients.disconnectClient(clientId, true, DisconnectReasonCode.NOT_AUTHORIZED, reason),
                DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }
}
