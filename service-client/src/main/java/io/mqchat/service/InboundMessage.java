package io.mqchat.service;

import java.util.Map;
import java.util.Optional;

/**
 * A message a worker received.
 *
 * @param topic           the topic it was published to
 * @param payload         its bytes
 * @param userProperties  its MQTT 5 user properties (the first value of each name)
 * @param responseTopic   its MQTT 5 response topic, if any
 * @param correlationData its MQTT 5 correlation data, if any
 */
public record InboundMessage(String topic, byte[] payload, Map<String, String> userProperties,
                             Optional<String> responseTopic, Optional<byte[]> correlationData) {

    public InboundMessage {
        userProperties = Map.copyOf(userProperties);
    }

    public Optional<String> userProperty(String name) {
        return Optional.ofNullable(userProperties.get(name));
    }
}
