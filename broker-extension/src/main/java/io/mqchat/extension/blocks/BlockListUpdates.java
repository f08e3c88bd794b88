package io.mqchat.extension.blocks;

import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import java.nio.ByteBuffer;

/**
 * Sees a worker's (or another node's relayed) publishes and takes the block lists among them into
 * {@link BlockLists}, then passes every publish on unchanged (the broker keeps a block list as the topic's retained
 * message).
 */
public final class BlockListUpdates implements PublishInboundInterceptor {

    private final BlockLists lists;

    public BlockListUpdates(BlockLists lists) {
        this.lists = lists;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        PublishPacket publish = input.getPublishPacket();
        lists.apply(publish.getTopic(), publish.getPayload().orElse(ByteBuffer.allocate(0)));
    }
}
