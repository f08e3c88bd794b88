package io.mqchat.groups.fanout;

import io.mqchat.groups.membership.MembershipCache;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.Typing;
import io.mqchat.protocol.UserIds;
import io.mqchat.service.InboundMessage;
import io.mqchat.service.MessageHandler;
import io.mqchat.service.Publisher;
import io.mqchat.service.RetryLater;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles what the extension forwards on {@code svc/groups/messages}: group messages, read markers and typing
 * signals, each fanned out to the group's current members, and edits, deletes and reactions, forwarded to the archive. Anything else is logged and skipped, so one bad
 * message never holds up the others.
 */
public final class GroupTraffic implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GroupTraffic.class);

    private final Codec codec;
    private final MessageFanout messages;
    private final ReadMarkerFanout readMarkers;
    private final TypingFanout typing;
    private final ChangeForwarding changes;

    /** @param budget the member deliveries each sender may still cause, shared by the instance's lanes */
    public GroupTraffic(MembershipCache cache, SenderBudget budget, Publisher publisher, Codec codec, Clock clock) {
        MembershipGate gate = new MembershipGate(cache, publisher, codec, clock);
        this.codec = codec;
        this.messages = new MessageFanout(gate, budget, publisher, codec);
        this.readMarkers = new ReadMarkerFanout(gate, budget, publisher, codec);
        this.typing = new TypingFanout(gate, publisher, codec);
        this.changes = new ChangeForwarding(gate, budget, publisher, codec);
    }

    @Override
    public void handle(InboundMessage message) throws RetryLater {
        Envelope envelope;
        try {
            envelope = codec.decode(message.payload());
        } catch (ProtocolException e) {
            LOG.warn("skipping unreadable group traffic: {}", e.getMessage());
            return;
        }
        Optional<String> origin = message.userProperty(MessageFanout.ORIGIN_PROPERTY);
        if (envelope instanceof ChatMessage chat && valid(chat.group(), chat.from()) && chat.id() != null) {
            messages.fanOut(chat, origin);
        } else if (envelope instanceof Receipt marker && marker.isRead() && valid(marker.group(), marker.by())
                && marker.upTo() != null) {
            readMarkers.fanOut(marker, origin);
        } else if (envelope instanceof MessageChange change && valid(change.group(), change.from())
                && change.id() != null && change.target() != null && change.target().problem() == null) {
            changes.forward(change);
        } else if (envelope instanceof Typing signal && valid(signal.group(), signal.from())) {
            typing.fanOut(signal);
        } else {
            LOG.warn("skipping group traffic that is no stamped group message, read marker or typing signal: {}",
                    envelope.type());
        }
    }

    private static boolean valid(String group, String user) {
        return UserIds.isValidUserId(group) && UserIds.isValidUserId(user);
    }
}
