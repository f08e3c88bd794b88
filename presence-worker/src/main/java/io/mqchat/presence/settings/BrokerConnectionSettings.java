package io.mqchat.presence.settings;

import io.mqchat.service.FeedSettings;

/**
 * How a standalone worker reaches the broker.
 *
 * @param host     broker host
 * @param port     broker MQTT port
 * @param token    the service token (a secret: never logged)
 * @param instance this instance's name (for its logs)
 * @param feeds    the lanes of presence events and notification requests this instance owns, and its stall limit
 */
public record BrokerConnectionSettings(String host, int port, String token, String instance, FeedSettings feeds) {

    @Override
    public String toString() {
        return "BrokerConnectionSettings[host=" + host + ", port=" + port + ", instance=" + instance + ", feeds="
                + feeds + "]";
    }
}
