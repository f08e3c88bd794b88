package io.mqchat.extension.blocks;

import com.hivemq.extension.sdk.api.services.publish.RetainedMessageStore;
import io.mqchat.protocol.BlockList;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.ServiceTopics;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whom each user blocked, in memory, so that deciding what reaches a device costs no I/O. The archive publishes a
 * user's {@link BlockList} retained on {@link ServiceTopics#blocksOf(String)} on the node where the user's devices
 * are, which sends it on to every other node; this node takes every such publish as it passes
 * ({@link #apply(String, ByteBuffer)}), and reads back the retained ones when it starts. Only users who block anyone
 * take memory.
 */
public final class BlockLists {

    private static final Logger log = LoggerFactory.getLogger(BlockLists.class);

    private final Codec codec;
    private final Map<String, Set<String>> lists = new ConcurrentHashMap<>();
    /** Users whose list was published while the start read the kept ones back: what it reads of theirs is older. */
    private final Set<String> publishedWhileLoading = ConcurrentHashMap.newKeySet();
    private volatile boolean loading;

    public BlockLists(Codec codec) {
        this.codec = codec;
    }

    /** True when {@code user} blocked {@code other}. */
    public boolean blocks(String user, String other) {
        Set<String> blocked = lists.get(user);
        return blocked != null && blocked.contains(other);
    }

    /** True when {@code user} blocked anyone: the cheap question asked before every other. */
    public boolean blocksAnyone(String user) {
        return lists.containsKey(user);
    }

    /** Replaces whom {@code user} blocked. */
    public void replace(String user, Collection<String> blocked) {
        if (blocked.isEmpty()) {
            lists.remove(user);
        } else {
            lists.put(user, Set.copyOf(blocked));
        }
    }

    /**
     * Takes the block list published on {@code topic}, if it is a block list's (an empty payload: nobody blocked). An
     * unreadable one is logged and changes nothing.
     */
    public void apply(String topic, ByteBuffer payload) {
        ServiceTopics.blockListOwner(topic).ifPresent(user -> {
            if (loading) {
                publishedWhileLoading.add(user);
            }
            take(user, topic, payload);
        });
    }

    private void take(String user, String topic, ByteBuffer payload) {
        if (!payload.hasRemaining()) {
            replace(user, Set.of());
            return;
        }
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        try {
            if (codec.decode(bytes) instanceof BlockList list && user.equals(list.user())) {
                replace(user, list.blocked());
                return;
            }
            log.warn("ignoring a block list on {} that is not {}'s", topic, user);
        } catch (ProtocolException e) {
            log.warn("ignoring an unreadable block list on {}: {}", topic, e.getMessage());
        }
    }

    /**
     * Reads every retained block list of this node, as kept across restarts, but those published meanwhile (a read
     * that outlasts the start's wait must not undo them).
     */
    public CompletableFuture<Void> loadFrom(RetainedMessageStore retained, Executor executor) {
        loading = true;
        return retained.iterateAllRetainedMessages((context, publish) -> {
            String topic = publish.getTopic();
            ServiceTopics.blockListOwner(topic).filter(user -> !publishedWhileLoading.contains(user))
                    .ifPresent(user -> take(user, topic, publish.getPayload().orElse(ByteBuffer.allocate(0))));
        }, executor).whenComplete((done, failure) -> {
            loading = false;
            publishedWhileLoading.clear();
        });
    }
}
