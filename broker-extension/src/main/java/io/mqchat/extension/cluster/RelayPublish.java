package io.mqchat.extension.cluster;

import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.general.UserProperty;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import com.hivemq.extension.sdk.api.services.publish.Publish;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A publish as it crosses to another node: into a user's tree on the user's home node, or a user's retained presence
 * on every node; with what that node's broker needs to deliver it exactly as this node would have (topic, payload,
 * QoS, the server's user properties, expiry, retain).
 *
 * @param topic          a topic in the user's tree
 * @param payload        the server-written payload
 * @param atLeastOnce    QoS 1 (stored for offline devices), else QoS 0 (a signal)
 * @param userProperties the server's user properties (message id, sender, origin), in order
 * @param expirySeconds  the message expiry interval, if any
 * @param retain         whether the broker keeps it as the topic's retained message (presence)
 */
public record RelayPublish(String topic, byte[] payload, boolean atLeastOnce, List<UserProperty> userProperties,
                           Optional<Long> expirySeconds, boolean retain) {

    public RelayPublish {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        userProperties = List.copyOf(userProperties);
        Objects.requireNonNull(expirySeconds, "expirySeconds");
    }

    /** The largest expiry MQTT can carry; HiveMQ reports "never expires" as one more than that. */
    private static final long MAX_EXPIRY = 4_294_967_295L;

    /** A publish the extension built. */
    public static RelayPublish of(Publish publish) {
        return new RelayPublish(publish.getTopic(), bytes(publish.getPayload()), publish.getQos() != Qos.AT_MOST_ONCE,
                publish.getUserProperties().asList(), expiry(publish.getMessageExpiryInterval()),
                publish.getRetain());
    }

    /** A device's publish as routing rewrote it. */
    public static RelayPublish of(PublishPacket publish) {
        return new RelayPublish(publish.getTopic(), bytes(publish.getPayload()), publish.getQos() != Qos.AT_MOST_ONCE,
                publish.getUserProperties().asList(), expiry(publish.getMessageExpiryInterval()),
                publish.getRetain());
    }

    private static Optional<Long> expiry(Optional<Long> interval) {
        return interval.filter(seconds -> seconds <= MAX_EXPIRY);
    }

    /** A copy of a payload's bytes, leaving the buffer as it was; empty for none. */
    static byte[] bytes(Optional<ByteBuffer> payload) {
        if (payload.isEmpty()) {
            return new byte[0];
        }
        ByteBuffer copy = payload.get().duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
