package io.mqchat.client.internal;

import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.mqchat.client.AuthenticationException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a refusal of this device's credentials (which retrying cannot fix) from a transient failure
 * (which reconnecting will).
 */
public final class ConnectRefusals {

    /** CONNACK codes that mean "not with these credentials"; SERVER_UNAVAILABLE and the like are transient. */
    private static final Set<Mqtt5ConnAckReasonCode> CREDENTIALS = EnumSet.of(
            Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD,
            Mqtt5ConnAckReasonCode.NOT_AUTHORIZED,
            Mqtt5ConnAckReasonCode.BANNED,
            Mqtt5ConnAckReasonCode.BAD_AUTHENTICATION_METHOD,
            Mqtt5ConnAckReasonCode.CLIENT_IDENTIFIER_NOT_VALID);

    private ConnectRefusals() {
    }

    /** The authentication failure {@code failure} stands for, if it is one. */
    public static Optional<AuthenticationException> authentication(Throwable failure, String clientId) {
        Throwable cause = Completions.cause(failure);
        if (cause instanceof AuthenticationException refused) {
            return Optional.of(refused);
        }
        if (!(cause instanceof Mqtt5ConnAckException refused)) {
            return Optional.empty();
        }
        Mqtt5ConnAck connAck = refused.getMqttMessage();
        if (!CREDENTIALS.contains(connAck.getReasonCode())) {
            return Optional.empty();
        }
        String reason = connAck.getReasonString().map(MqttUtf8String::toString).orElse(null);
        return Optional.of(new AuthenticationException(clientId, connAck.getReasonCode(), reason));
    }
}
