package io.mqchat.client.internal;

import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import io.mqchat.client.SendRejectedException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PUBACK that refused a publish. The broker writes its reason string as
 * {@code "<wire error code>: <message>"}; any other PUBACK error is reported by its MQTT reason code.
 */
public final class PublishRefusals {

    private static final Pattern WIRE_REASON = Pattern.compile("([a-z][a-z0-9_]*): (.*)", Pattern.DOTALL);

    private PublishRefusals() {
    }

    /** A {@link SendRejectedException} for a refusing PUBACK, anything else unchanged. */
    public static Throwable translate(Throwable failure, String messageId) {
        Throwable cause = Completions.cause(failure);
        if (cause instanceof Mqtt5PubAckException refused) {
            Mqtt5PubAck pubAck = refused.getMqttMessage();
            String mqttCode = pubAck.getReasonCode().name().toLowerCase(Locale.ROOT);
            return rejection(messageId, mqttCode, pubAck.getReasonString().map(MqttUtf8String::toString).orElse(null));
        }
        return cause;
    }

    /** Parses the reason string; falls back to the MQTT reason code when it names no wire error code. */
    static SendRejectedException rejection(String messageId, String mqttCode, String reasonString) {
        if (reasonString != null) {
            Matcher wire = WIRE_REASON.matcher(reasonString);
            if (wire.matches()) {
                return new SendRejectedException(messageId, wire.group(1), wire.group(2));
            }
        }
        return new SendRejectedException(messageId, mqttCode, reasonString == null ? "refused by the server" : reasonString);
    }
}
