package io.mqchat.extension.blocks;

import com.codahale.metrics.Counter;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Topics;
import io.mqchat.protocol.Typing;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Drops, before it reaches a device of {@code user}, the presence of a user it blocked and that user's 1-1 typing
 * signals (group typing passes: a group is everyone's). Its messages need no dropping here: they are dropped before
 * any queue holds them, where they are routed; what it sent before the block arrives, as it stays in history. What
 * passes goes on to {@code next}.
 */
public final class BlockedDelivery implements PublishOutboundInterceptor {

    private final BlockLists lists;
    private final Codec codec;
    private final String user;
    private final Counter dropped;
    private final PublishOutboundInterceptor next;

    /** @param dropped counts the presence updates and typing signals dropped */
    public BlockedDelivery(BlockLists lists, Codec codec, String user, Counter dropped,
                           PublishOutboundInterceptor next) {
        this.lists = lists;
        this.codec = codec;
        this.user = user;
        this.dropped = dropped;
        this.next = next;
    }

    @Override
    public void onOutboundPublish(PublishOutboundInput input, PublishOutboundOutput output) {
        if (lists.blocksAnyone(user) && fromBlocked(input.getPublishPacket())) {
            output.preventPublishDelivery();
            dropped.inc();
            return;
        }
        next.onOutboundPublish(input, output);
    }

    private boolean fromBlocked(PublishPacket publish) {
        String topic = publish.getTopic();
        Optional<String> presenceOf = Topics.presenceOwner(topic);
        if (presenceOf.isPresent()) {
            return lists.blocks(user, presenceOf.get());
        }
        return topic.equals(Topics.typing(user))
                && typingSender(publish.getPayload().orElse(ByteBuffer.allocate(0)))
                .filter(sender -> lists.blocks(user, sender)).isPresent();
    }

    /** The sender of a 1-1 typing signal, which carries it in the payload only. */
    private Optional<String> typingSender(ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        try {
            if (codec.decode(bytes) instanceof Typing typing && typing.group() == null) {
                return Optional.ofNullable(typing.from());
            }
        } catch (ProtocolException e) {
            // Not ours to judge here: the device gets it as it would without blocks.
        }
        return Optional.empty();
    }
}
