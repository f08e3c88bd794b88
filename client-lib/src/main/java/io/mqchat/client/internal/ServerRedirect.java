package io.mqchat.client.internal;

import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Reads an MQTT 5 redirect: a CONNACK or DISCONNECT with USE_ANOTHER_SERVER or SERVER_MOVED whose server reference
 * says where this device's user is served ({@code host:port}, IPv6 hosts in brackets). An mqchat node sends one to a
 * device that reached a node other than its user's home.
 */
public final class ServerRedirect {

    private ServerRedirect() {
    }

    /** Where {@code failure} sends the device, when it is a redirect with a usable reference. */
    public static Optional<InetSocketAddress> target(Throwable failure) {
        Throwable cause = Completions.cause(failure);
        if (cause instanceof Mqtt5ConnAckException refused) {
            Mqtt5ConnAckReasonCode code = refused.getMqttMessage().getReasonCode();
            if (code == Mqtt5ConnAckReasonCode.USE_ANOTHER_SERVER || code == Mqtt5ConnAckReasonCode.SERVER_MOVED) {
                return refused.getMqttMessage().getServerReference().flatMap(ServerRedirect::parse);
            }
        } else if (cause instanceof Mqtt5DisconnectException disconnected) {
            Mqtt5DisconnectReasonCode code = disconnected.getMqttMessage().getReasonCode();
            if (code == Mqtt5DisconnectReasonCode.USE_ANOTHER_SERVER || code == Mqtt5DisconnectReasonCode.SERVER_MOVED) {
                return disconnected.getMqttMessage().getServerReference().flatMap(ServerRedirect::parse);
            }
        }
        return Optional.empty();
    }

    /** {@code host:port} or {@code [v6]:port}; MQTT allows a list separated by spaces, of which the first is taken. */
    static Optional<InetSocketAddress> parse(MqttUtf8String reference) {
        String first = reference.toString().trim().split("\\s+")[0];
        int colon = first.lastIndexOf(':');
        if (colon <= 0 || colon == first.length() - 1) {
            return Optional.empty();
        }
        String host = first.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(first.substring(colon + 1));
            return port < 1 || port > 65535 || host.isEmpty() ? Optional.empty()
                    : Optional.of(InetSocketAddress.createUnresolved(host, port));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
