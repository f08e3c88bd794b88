package io.mqchat.service;

import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/** Converts the MQTT client's publish into the worker's {@link InboundMessage}. */
final class Inbound {

    private Inbound() {
    }

    static InboundMessage of(Mqtt5Publish publish) {
        Map<String, String> properties = new HashMap<>();
        for (Mqtt5UserProperty property : publish.getUserProperties().asList()) {
            properties.putIfAbsent(property.getName().toString(), property.getValue().toString());
        }
        return new InboundMessage(publish.getTopic().toString(), publish.getPayloadAsBytes(), properties,
                publish.getResponseTopic().map(Object::toString),
                publish.getCorrelationData().map(Inbound::bytes));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
