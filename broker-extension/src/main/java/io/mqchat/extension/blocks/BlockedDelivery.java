package io.mqchat.extension.blocks;

import com.codahale.metrics.Counter;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundOutput;
import com.hivemq.extension.sdk.api.packets.general.UserProperties;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import io.mqchat.extension.routing.RoutedMessage;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Topics;
import io.mqchat.protocol.Typing;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Drops, before it reaches a device of {@code user}, whatever a user it blocked sends it one to one: messages, edits,
 * deletes and reactions, typing, and that user's presence. Dropped on the way out, the message is complete for the
 * broker, which removes it from the device's queue, and it is never acknowledged, so never DELIVERED. Group
 * messages still pass: a group is everyone's. What passes goes on to {@code next}.
 */
public final class BlockedDelivery implements PublishOutboundInterceptor {

    private final BlockLists lists;
    private final Codec codec;
    private final String user;
    private final Counter dropped;
    private final PublishOutboundInterceptor next;

    /** @param dropped counts what was dropped */
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
        if (!Topics.isInboxOf(topic, user) && !topic.equals(Topics.typing(user))) {
            return false;
        }
        UserProperties properties = publish.getUserProperties();
        Optional<String> from = properties.getFirst(RoutedMessage.FROM_PROPERTY);
        if (from.isPresent()) {
            return properties.getFirst(RoutedMessage.GROUP_PROPERTY).isEmpty() && lists.blocks(user, from.get());
        }
        // Changes from the archive and typing signals carry their sender in the payload only.
        return oneToOneSender(publish.getPayload().orElse(ByteBuffer.allocate(0)))
                .filter(sender -> lists.blocks(user, sender)).isPresent();
    }

    private Optional<String> oneToOneSender(ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        try {
            Envelope envelope = codec.decode(bytes);
            if (envelope instanceof ChatMessage message && message.group() == null) {
                return Optional.ofNullable(message.from());
            }
            if (envelope instanceof MessageChange change && change.group() == null) {
                return Optional.ofNullable(change.from());
            }
            if (envelope instanceof Typing typing && typing.group() == null) {
                return Optional.ofNullable(typing.from());
            }
        } catch (ProtocolException e) {
            // Not ours to judge here: the device gets it as it would without blocks.
        }
        return Optional.empty();
    }
}
