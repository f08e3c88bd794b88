package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.subscribe.SubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.subscribe.ModifiableSubscription;

/**
 * Holds every subscription at QoS 1. A QoS 0 subscriber would get chat messages without storage while offline
 * and without a PUBACK, so no DELIVERED receipt (plain tools such as mosquitto_sub subscribe at QoS 0 unless
 * told otherwise); a QoS 2 subscriber would answer with PUBREC, which is no PUBACK either.
 */
public final class SubscriptionQosInterceptor implements SubscribeInboundInterceptor {

    @Override
    public void onInboundSubscribe(SubscribeInboundInput input, SubscribeInboundOutput output) {
        for (ModifiableSubscription subscription : output.getSubscribePacket().getSubscriptions()) {
            if (subscription.getQos() != Qos.AT_LEAST_ONCE) {
                subscription.setQos(Qos.AT_LEAST_ONCE);
            }
        }
    }
}
