package io.mqchat.extension.lifecycle;

import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationFailedInput;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ClientInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionLostInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ServerInitiatedDisconnectInput;
import java.util.List;

/**
 * Hands every connection lifecycle event to several listeners in turn: HiveMQ takes one listener per extension,
 * and presence and token expiry each follow connections for their own reason.
 */
public final class LifecycleFanOut implements ClientLifecycleEventListener {

    private final List<ClientLifecycleEventListener> listeners;

    public LifecycleFanOut(ClientLifecycleEventListener... listeners) {
        this.listeners = List.of(listeners);
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {
        listeners.forEach(listener -> listener.onMqttConnectionStart(input));
    }

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
        listeners.forEach(listener -> listener.onAuthenticationSuccessful(input));
    }

    @Override
    public void onDisconnect(DisconnectEventInput input) {
        listeners.forEach(listener -> listener.onDisconnect(input));
    }

    @Override
    public void onAuthenticationFailedDisconnect(AuthenticationFailedInput input) {
        listeners.forEach(listener -> listener.onAuthenticationFailedDisconnect(input));
    }

    @Override
    public void onConnectionLost(ConnectionLostInput input) {
        listeners.forEach(listener -> listener.onConnectionLost(input));
    }

    @Override
    public void onClientInitiatedDisconnect(ClientInitiatedDisconnectInput input) {
        listeners.forEach(listener -> listener.onClientInitiatedDisconnect(input));
    }

    @Override
    public void onServerInitiatedDisconnect(ServerInitiatedDisconnectInput input) {
        listeners.forEach(listener -> listener.onServerInitiatedDisconnect(input));
    }
}
