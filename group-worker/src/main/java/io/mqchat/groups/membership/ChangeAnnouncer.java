package io.mqchat.groups.membership;

import io.mqchat.protocol.Codec;
import io.mqchat.protocol.GroupEvent;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.service.OutboundMessage;

/**
 * Tells every group-worker instance (this one included) that a group changed, so that they drop it from their
 * {@link MembershipCache}. The announcement is the change's own {@link GroupEvent}.
 */
public final class ChangeAnnouncer {

    private final Codec codec;
    private final MembershipCache cache;

    public ChangeAnnouncer(Codec codec, MembershipCache cache) {
        this.codec = codec;
        this.cache = cache;
    }

    /**
     * Drops the group from this instance's cache at once and returns the announcement for the others, to be
     * published (and acknowledged) before the requester hears that the change is done.
     */
    public OutboundMessage announce(GroupEvent change) {
        cache.invalidate(change.group());
        return OutboundMessage.to(ServiceTopics.GROUP_CHANGES, codec.encode(change)).qos(1).build();
    }
}
