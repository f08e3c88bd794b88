package io.mqchat.extension.receipts;

import com.codahale.metrics.Counter;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.general.UserProperties;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import io.mqchat.extension.outbox.Outbox;
import io.mqchat.extension.routing.RoutedMessage;
import io.mqchat.protocol.Topics;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Sees every PUBLISH the broker is about to write to a device. It holds back a message from the device
 * that caused it (a sender never gets its own copy), and records chat messages written to a recipient
 * device so that its PUBACK becomes a DELIVERED receipt.
 */
public final class OutboundDeliveryInterceptor implements PublishOutboundInterceptor {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final DeliveryTracker tracker;
    private final Counter resendsDropped;

    /** @param resendsDropped counts re-sends of writes the device had already acknowledged, dropped */
    public OutboundDeliveryInterceptor(DeliveryTracker tracker, Counter resendsDropped) {
        this.tracker = tracker;
        this.resendsDropped = resendsDropped;
    }

    @Override
    public void onOutboundPublish(PublishOutboundInput input, PublishOutboundOutput output) {
        PublishPacket publish = input.getPublishPacket();
        UserProperties properties = publish.getUserProperties();
        String clientId = input.getClientInformation().getClientId();
        if (!properties.isEmpty() && properties.getFirst(Outbox.ORIGIN_PROPERTY).filter(clientId::equals).isPresent()) {
            output.preventPublishDelivery();
            return;
        }
        // Subscriptions are held at QoS 1 (SubscriptionQosInterceptor): only a PUBACK completes a delivery.
        if (publish.getQos() != Qos.AT_LEAST_ONCE) {
            return;
        }
        String topic = publish.getTopic();
        long fingerprint = DeliveryTracker.fingerprint(topic, publish.getPayload().orElse(EMPTY));
        if (publish.getDupFlag() && tracker.isAcknowledgedResend(clientId, publish.getPacketId(), fingerprint)) {
            // Dropping it completes it at the broker, which then removes it from the session's queue.
            output.preventPublishDelivery();
            resendsDropped.inc();
            return;
        }
        Optional<String> messageId = properties.getFirst(RoutedMessage.ID_PROPERTY);
        Optional<String> sender = properties.getFirst(RoutedMessage.FROM_PROPERTY);
        // A copy in the sender's own inbox is for the sender's other devices: no receipt for those. Only the
        // topic's shape is checked: the server wrote it, and this runs for every message written to a device.
        if (messageId.isPresent() && sender.isPresent() && Topics.isInbox(topic)
                && !Topics.isInboxOf(topic, sender.get())) {
            tracker.written(clientId, publish.getPacketId(), fingerprint, messageId.get(), sender.get(),
                    properties.getFirst(RoutedMessage.GROUP_PROPERTY).orElse(null));
        } else {
            tracker.writtenUntracked(clientId, publish.getPacketId(), fingerprint);
        }
    }
}
