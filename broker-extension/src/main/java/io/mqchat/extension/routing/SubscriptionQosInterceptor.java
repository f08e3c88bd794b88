package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.subscribe.SubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.subscribe.ModifiableSubscription;
import io.mqchat.protocol.Topics;

/**
 * Holds every subscription at QoS 1. A QoS 0 subscriber would get chat messages without storage while offline
 * and without a PUBACK, so no DELIVERED receipt (plain tools such as mosquitto_sub subscribe at QoS 0 unless
 * told otherwise); a QoS 2 subscriber would answer with PUBREC, which is no PUBACK either.
 *
 * <p>Presence subscriptions are held at QoS 0 instead: presence is retained, so a device gets the current
 * state whenever it subscribes, and a queue of stale changes for an offline device would only crowd out
 * its messages.
 */
public final class SubscriptionQosInterceptor implements SubscribeInboundInterceptor {

    @Override
    public void onInboundSubscribe(SubscribeInboundInput input, SubscribeInboundOutput output) {
        for (ModifiableSubscription subscription : output.getSubscribePacket().getSubscriptions()) {
            Qos wanted = subscription.getTopicFilter().startsWith(Topics.PRESENCE_ROOT + "/")
                    ? Qos.AT_MOST_ONCE : Qos.AT_LEAST_ONCE;
            if (subscription.getQos() != wanted) {
                subscription.setQos(wanted);
            }
        }
    }
}
