package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import io.mqchat.extension.blocks.BlockLists;
import io.mqchat.extension.outbox.Outbox;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import io.mqchat.protocol.Typing;
import java.time.Clock;

/**
 * Routes a typing signal, stamped with its sender, at QoS 0 whatever the sender used: a signal is worth
 * something only now, so it is never stored for an offline device. 1-1 signals go straight to the peer's
 * typing topic; group signals go to the group-worker, which knows the members.
 */
final class TypingRouter implements RequestRouter {

    private final Codec codec;
    private final Outbox outbox;
    private final BlockLists blocks;
    private final Clock clock;

    TypingRouter(Codec codec, Outbox outbox, BlockLists blocks, Clock clock) {
        this.codec = codec;
        this.outbox = outbox;
        this.blocks = blocks;
        this.clock = clock;
    }

    @Override
    public Routed route(Request request, PublishInboundOutput output, byte[] payload)
            throws ProtocolException {
        String state = codec.decodeTypingSignal(payload);
        String from = request.sender().user();
        String target = request.target().target();
        boolean toGroup = request.target().action().toGroup();
        Typing typing = new Typing(from, toGroup ? target : null, state, clock.millis());
        String topic = toGroup ? ServiceTopics.laneFor(ServiceTopics.GROUP_TRAFFIC, target) : Topics.typing(target);
        // The sender's publish may be QoS 1, which the broker would queue for offline devices: it is
        // acknowledged and dropped, and the signal goes out anew at QoS 0.
        output.preventPublishDelivery();
        if (!toGroup && blocks.blocks(from, target)) {
            return NOTHING_FIRST; // who blocked someone shows it no activity
        }
        outbox.publishSignal(topic, codec.encode(typing), request.sender().clientId());
        return NOTHING_FIRST;
    }
}
