package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.ModifiablePublishPacket;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.DeviceAddress;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.ProtocolException;
import java.time.Clock;
import java.util.function.BiFunction;

/**
 * Forwards a device's request to the worker that carries it out (group administration, history, push tokens): the
 * request's shape is checked here, so a malformed one is answered at once instead of travelling on; it is stamped with
 * the requesting user and device, so nobody can ask in another's name; and the publish itself is rewritten onto the
 * worker's lane, so the device's PUBACK means the worker's copy is stored.
 *
 * @param <T> the request envelope
 */
final class WorkerRequestRouter<T extends Envelope> implements RequestRouter {

    /** Decodes and checks a request, and stamps it with who sent it and when. */
    @FunctionalInterface
    interface Stamping<T> {
        T decodeStamped(byte[] payload, DeviceAddress sender, long now) throws ProtocolException;
    }

    private final String what;
    private final Codec codec;
    private final Clock clock;
    private final Stamping<T> stamping;
    private final BiFunction<T, DeviceAddress, String> lane;
    private final boolean answered;

    /**
     * @param what     what the requests are, for the refusal of a QoS 0 one ("group requests")
     * @param lane     the worker lane a stamped request goes to; a lane keeps its requests in order
     * @param answered true when the worker answers the request: the MQTT 5 response topic and correlation data are kept
     *                 when the response topic lies in the requester's own tree
     */
    WorkerRequestRouter(String what, Codec codec, Clock clock, Stamping<T> stamping,
                        BiFunction<T, DeviceAddress, String> lane, boolean answered) {
        this.what = what;
        this.codec = codec;
        this.clock = clock;
        this.stamping = stamping;
        this.lane = lane;
        this.answered = answered;
    }

    @Override
    public Routed route(Request request, PublishInboundOutput output, byte[] payload)
            throws ProtocolException {
        ModifiablePublishPacket publish = output.getPublishPacket();
        RoutedPublish.requireAcknowledged(publish, what);
        DeviceAddress sender = request.sender();
        T stamped = stamping.decodeStamped(payload, sender, clock.millis());
        String topic = lane.apply(stamped, sender);
        if (answered) {
            RoutedPublish.rewriteRequest(publish, topic, codec.encode(stamped), sender.clientId(), sender.user());
        } else {
            RoutedPublish.rewrite(publish, topic, codec.encode(stamped), sender.clientId());
        }
        return NOTHING_FIRST;
    }
}
