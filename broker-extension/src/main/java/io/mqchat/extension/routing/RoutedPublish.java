package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.ModifiablePublishPacket;
import com.hivemq.extension.sdk.api.packets.publish.PayloadFormatIndicator;
import io.mqchat.extension.outbox.Outbox;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Topics;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Turns a device's request publish into what the broker routes: a new topic and a server-written payload,
 * with nothing of the sender's MQTT 5 extras left that a recipient could mistake for the server's word
 * (user properties, response topic, correlation data, content type) and the retain flag cleared.
 */
final class RoutedPublish {

    private RoutedPublish() {
    }

    /** Refuses QoS 0: it would be neither stored for an offline recipient nor acknowledged. */
    static void requireAcknowledged(ModifiablePublishPacket publish, String what) throws ProtocolException {
        if (publish.getQos() == Qos.AT_MOST_ONCE) {
            throw new ProtocolException(ErrorCode.QOS_REQUIRED,
                    what + " must be published with QoS 1 so they can be stored and acknowledged");
        }
    }

    /**
     * Like {@link #rewrite} but keeps the MQTT 5 response topic and correlation data when the response topic
     * lies in the requester's own tree; elsewhere they could aim a worker's answer at another user.
     */
    static void rewriteRequest(ModifiablePublishPacket publish, String topic, byte[] payload, String originClientId,
                               String requester) {
        Optional<String> responseTopic = publish.getResponseTopic()
                .filter(candidate -> candidate.startsWith(Topics.USER_ROOT + "/" + requester + "/"));
        Optional<ByteBuffer> correlation = publish.getCorrelationData().map(ByteBuffer::duplicate);
        rewrite(publish, topic, payload, originClientId);
        if (responseTopic.isPresent()) {
            publish.setResponseTopic(responseTopic.get());
            correlation.ifPresent(publish::setCorrelationData);
        }
    }

    static void rewrite(ModifiablePublishPacket publish, String topic, byte[] payload, String originClientId) {
        publish.setTopic(topic);
        publish.setPayload(ByteBuffer.wrap(payload));
        publish.setRetain(false);
        publish.setPayloadFormatIndicator(PayloadFormatIndicator.UTF_8);
        publish.setContentType(null);
        publish.setResponseTopic(null);
        publish.setCorrelationData(null);
        publish.getUserProperties().clear();
        publish.getUserProperties().addUserProperty(Outbox.ORIGIN_PROPERTY, originClientId);
    }
}
