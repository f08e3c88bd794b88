package io.mqchat.extension.lifecycle;

import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;

/** A lifecycle listener for state kept per connection that only needs to be dropped when the connection ends. */
@FunctionalInterface
public interface DisconnectListener extends ClientLifecycleEventListener {

    @Override
    default void onMqttConnectionStart(ConnectionStartInput input) {
    }

    @Override
    default void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
    }
}
