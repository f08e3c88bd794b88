package io.mqchat.client;

import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import java.util.Optional;

/**
 * The server refused this device's credentials: the token is invalid or expired, or it does not match the
 * user and device. The client does not retry with the same credentials; get a new token and connect again.
 */
public class AuthenticationException extends MqchatException {

    private final Mqtt5ConnAckReasonCode reasonCode;
    private final String reasonString;

    /**
     * @param clientId     the device that was refused
     * @param reasonCode   the CONNACK reason code, e.g. {@code BAD_USER_NAME_OR_PASSWORD}
     * @param reasonString the server's explanation, or null
     */
    public AuthenticationException(String clientId, Mqtt5ConnAckReasonCode reasonCode, String reasonString) {
        super("server refused the credentials of " + clientId + ": " + reasonCode
                + (reasonString == null ? "" : " (" + reasonString + ")"));
        this.reasonCode = reasonCode;
        this.reasonString = reasonString;
    }

    public Mqtt5ConnAckReasonCode reasonCode() {
        return reasonCode;
    }

    /** Why the server refused, in its words, when it said. */
    public Optional<String> reasonString() {
        return Optional.ofNullable(reasonString);
    }
}
