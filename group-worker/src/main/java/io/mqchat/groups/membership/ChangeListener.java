package io.mqchat.groups.membership;

import io.mqchat.protocol.Codec;
import io.mqchat.protocol.GroupEvent;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.service.InboundMessage;
import io.mqchat.service.MessageHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drops groups from the {@link MembershipCache} as any worker instance announces their changes. */
public final class ChangeListener implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);

    private final Codec codec;
    private final MembershipCache cache;

    public ChangeListener(Codec codec, MembershipCache cache) {
        this.codec = codec;
        this.cache = cache;
    }

    @Override
    public void handle(InboundMessage message) {
        try {
            if (codec.decode(message.payload()) instanceof GroupEvent change) {
                cache.invalidate(change.group());
                return;
            }
        } catch (ProtocolException e) {
            LOG.warn("unreadable group change announcement ({}); forgetting every cached group", e.getMessage());
        }
        // Safe over sorry: an announcement from a newer worker version must still invalidate.
        cache.invalidateAll();
    }
}
