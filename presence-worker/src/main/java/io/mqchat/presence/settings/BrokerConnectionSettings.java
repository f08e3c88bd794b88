package io.mqchat.presence.settings;

/**
 * How a standalone worker reaches the broker.
 *
 * @param host     broker host
 * @param port     broker MQTT port
 * @param token    the service token (a secret: never logged)
 * @param instance this instance's name; the client id is {@code svc-presence:{instance}}
 */
public record BrokerConnectionSettings(String host, int port, String token, String instance) {

    @Override
    public String toString() {
        return "BrokerConnectionSettings[host=" + host + ", port=" + port + ", instance=" + instance + "]";
    }
}
