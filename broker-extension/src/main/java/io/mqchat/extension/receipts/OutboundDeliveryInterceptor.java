package io.mqchat.extension.receipts;

import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.general.UserProperties;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import io.mqchat.extension.outbox.Outbox;
import io.mqchat.extension.routing.RoutedMessage;
import io.mqchat.protocol.Topics;
import java.util.Optional;

/**
 * Sees every PUBLISH the broker is about to write to a device. It holds back a message from the device
 * that caused it (a sender never gets its own copy), and records chat messages written to a recipient
 * device so that its PUBACK becomes a DELIVERED receipt.
 */
public final class OutboundDeliveryInterceptor implements PublishOutboundInterceptor {

    private final DeliveryTracker tracker;

    public OutboundDeliveryInterceptor(DeliveryTracker tracker) {
        this.tracker = tracker;
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
        Optional<String> messageId = properties.getFirst(RoutedMessage.ID_PROPERTY);
        Optional<String> sender = properties.getFirst(RoutedMessage.FROM_PROPERTY);
        // A copy in the sender's own inbox is for the sender's other devices: no receipt for those. Only the
        // topic's shape is checked: the server wrote it, and this runs for every message written to a device.
        if (messageId.isPresent() && sender.isPresent() && Topics.isInbox(topic)
                && !Topics.isInboxOf(topic, sender.get())) {
            tracker.written(clientId, publish.getPacketId(), messageId.get(), sender.get(),
                    properties.getFirst(RoutedMessage.GROUP_PROPERTY).orElse(null));
        } else {
            tracker.writtenUntracked(clientId, publish.getPacketId());
        }
    }
}
