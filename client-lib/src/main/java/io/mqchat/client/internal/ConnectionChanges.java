package io.mqchat.client.internal;

import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedListener;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import io.mqchat.client.ConnectionChange;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Tells the app when the connection comes up or goes down. The MQTT client reports every failed reconnect attempt
 * as a disconnect; the app wants the changes only.
 */
public final class ConnectionChanges implements MqttClientConnectedListener, MqttClientDisconnectedListener {

    private final Consumer<ConnectionChange> listener;
    private final AtomicBoolean up = new AtomicBoolean();

    public ConnectionChanges(Consumer<ConnectionChange> listener) {
        this.listener = listener;
    }

    @Override
    public void onConnected(MqttClientConnectedContext context) {
        if (up.compareAndSet(false, true)) {
            Listeners.deliver(listener, new ConnectionChange(true, null));
        }
    }

    @Override
    public void onDisconnected(MqttClientDisconnectedContext context) {
        if (up.compareAndSet(true, false)) {
            boolean byApp = context.getSource() == MqttDisconnectSource.USER;
            Listeners.deliver(listener, new ConnectionChange(false, byApp ? null : context.getCause()));
        }
    }
}
