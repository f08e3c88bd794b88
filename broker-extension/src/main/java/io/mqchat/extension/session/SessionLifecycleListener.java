package io.mqchat.extension.session;

import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import io.mqchat.extension.receipts.DeliveryTracker;

/**
 * Keeps delivery tracking in step with sessions: a clean start discards the device's in-flight messages,
 * so their pending receipts can never come and are forgotten at once rather than at the TTL.
 */
public final class SessionLifecycleListener implements ClientLifecycleEventListener {

    private final DeliveryTracker tracker;

    public SessionLifecycleListener(DeliveryTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {
        if (input.getConnectPacket().getCleanStart()) {
            tracker.forget(input.getClientInformation().getClientId());
        }
    }

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
        // nothing to do: permissions were set by the authenticator
    }

    @Override
    public void onDisconnect(DisconnectEventInput input) {
        // in-flight messages stay tracked: the broker re-sends them with the same packet id on reconnect
    }
}
