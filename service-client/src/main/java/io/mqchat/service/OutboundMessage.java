package io.mqchat.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A message a worker publishes. Built with {@link #to(String, byte[])}; QoS 1, not retained, by default.
 *
 * @param topic           where to
 * @param payload         its bytes
 * @param qos             0 or 1
 * @param retain          whether the broker keeps it as the topic's retained message
 * @param userProperties  MQTT 5 user properties, in order
 * @param correlationData MQTT 5 correlation data, for a response
 * @param responseTopic   MQTT 5 response topic, for a request
 * @param messageExpiry   MQTT 5 message expiry in seconds: the broker drops the message from offline queues after it
 */
public record OutboundMessage(String topic, byte[] payload, int qos, boolean retain, Map<String, String> userProperties,
                              Optional<byte[]> correlationData, Optional<String> responseTopic,
                              OptionalLong messageExpiry) {

    public OutboundMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (qos != 0 && qos != 1) {
            throw new IllegalArgumentException("qos must be 0 or 1");
        }
        userProperties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(userProperties));
    }

    public static Builder to(String topic, byte[] payload) {
        return new Builder(topic, payload);
    }

    /** Builds an {@link OutboundMessage}. */
    public static final class Builder {
        private final String topic;
        private final byte[] payload;
        private int qos = 1;
        private boolean retain;
        private final Map<String, String> userProperties = new LinkedHashMap<>();
        private byte[] correlationData;
        private String responseTopic;
        private Long messageExpiry;

        private Builder(String topic, byte[] payload) {
            this.topic = topic;
            this.payload = payload;
        }

        public Builder qos(int qos) {
            this.qos = qos;
            return this;
        }

        public Builder retain(boolean retain) {
            this.retain = retain;
            return this;
        }

        public Builder userProperty(String name, String value) {
            userProperties.put(name, value);
            return this;
        }

        public Builder correlationData(byte[] correlationData) {
            this.correlationData = correlationData;
            return this;
        }

        /** Where the answer to this request is to go. */
        public Builder responseTopic(String responseTopic) {
            this.responseTopic = responseTopic;
            return this;
        }

        /** The broker drops the message from offline queues {@code seconds} after it was published. */
        public Builder messageExpiry(long seconds) {
            this.messageExpiry = seconds;
            return this;
        }

        public OutboundMessage build() {
            return new OutboundMessage(topic, payload, qos, retain, userProperties, Optional.ofNullable(correlationData),
                    Optional.ofNullable(responseTopic), messageExpiry == null ? OptionalLong.empty() : OptionalLong.of(messageExpiry));
        }
    }
}
