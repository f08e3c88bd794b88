package io.mqchat.extension.receipts;

import com.hivemq.extension.sdk.api.interceptor.puback.PubackInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.puback.parameter.PubackInboundInput;
import com.hivemq.extension.sdk.api.interceptor.puback.parameter.PubackInboundOutput;
import com.hivemq.extension.sdk.api.packets.puback.PubackPacket;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import io.mqchat.extension.metrics.ChatMetrics;
import io.mqchat.extension.outbox.CoalescingPublisher;
import io.mqchat.protocol.DeviceAddress;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.Topics;
import java.time.Clock;
import java.util.Optional;

/** Turns a recipient device's PUBACK of a chat message into a DELIVERED receipt for the sender. */
public final class PubackReceiptInterceptor implements PubackInboundInterceptor {

    private final DeliveryTracker tracker;
    private final CoalescingPublisher receipts;
    private final ChatMetrics metrics;
    private final Clock clock;

    /**
     * @param receipts publishes the receipts: batched per sender under load, so a group message's many receipts or a
     *                 busy sender's stream do not each become a queued message
     */
    public PubackReceiptInterceptor(DeliveryTracker tracker, CoalescingPublisher receipts, ChatMetrics metrics,
                                    Clock clock) {
        this.tracker = tracker;
        this.receipts = receipts;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void onInboundPuback(PubackInboundInput input, PubackInboundOutput output) {
        PubackPacket puback = input.getPubackPacket();
        String clientId = input.getClientInformation().getClientId();
        boolean success = isSuccess(puback.getReasonCode());
        Optional<PendingDelivery> delivery = tracker.acknowledged(clientId, puback.getPacketIdentifier(), success);
        if (!success) {
            metrics.failedDeliveries().inc();
            return;
        }
        Optional<DeviceAddress> device = DeviceAddress.parse(clientId);
        if (delivery.isEmpty() || device.isEmpty()) {
            return;
        }
        PendingDelivery pending = delivery.get();
        Receipt receipt = pending.group() == null
                ? Receipt.delivered(pending.messageId(), device.get().user(), device.get().device(), clock.millis())
                : Receipt.deliveredInGroup(pending.messageId(), device.get().user(), pending.group(),
                        device.get().device(), clock.millis());
        receipts.publish(Topics.receipts(pending.sender()), receipt);
        metrics.deliveredReceipts().inc();
    }

    private static boolean isSuccess(AckReasonCode code) {
        return code == AckReasonCode.SUCCESS || code == AckReasonCode.NO_MATCHING_SUBSCRIBERS;
    }
}
