package io.mqchat.extension.session;

import com.hivemq.extension.sdk.api.interceptor.connack.ConnackOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.connack.parameter.ConnackOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.connack.parameter.ConnackOutboundOutput;
import com.hivemq.extension.sdk.api.packets.connack.ConnackPacket;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import io.mqchat.extension.receipts.DeliveryTracker;

/**
 * Keeps delivery tracking in step with sessions. A successful CONNACK without a session present means the
 * device's earlier session (clean start, expiry, or none at all) is gone with its in-flight messages, so their
 * pending receipts can never come. Acting on the CONNACK, not the CONNECT, means only an authenticated
 * device can reset its own tracking.
 */
public final class FreshSessionInterceptor implements ConnackOutboundInterceptor {

    private final DeliveryTracker tracker;

    public FreshSessionInterceptor(DeliveryTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void onOutboundConnack(ConnackOutboundInput input, ConnackOutboundOutput output) {
        ConnackPacket connack = input.getConnackPacket();
        if (connack.getReasonCode() == ConnackReasonCode.SUCCESS && !connack.getSessionPresent()) {
            tracker.forget(input.getClientInformation().getClientId());
        }
    }
}
