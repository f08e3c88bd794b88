package io.mqchat.groups.fanout;

import io.mqchat.groups.store.Group;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.Notify;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import io.mqchat.service.OutboundMessage;
import io.mqchat.service.Publisher;
import io.mqchat.service.RetryLater;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fans a stamped group message out to every member's inbox (the sender's too, for its other devices), with the
 * user properties from which the extension makes per-member DELIVERED receipts, asks for a push notification for
 * every other member and hands one copy to the archive. A disappearing message's copies expire from offline queues
 * with it. A sender whose {@link SenderBudget} cannot pay a delivery per member is refused {@code rate_limited}.
 */
final class MessageFanout {

    static final String ID_PROPERTY = "mqchat-id";
    static final String FROM_PROPERTY = "mqchat-from";
    static final String GROUP_PROPERTY = "mqchat-group";
    static final String ORIGIN_PROPERTY = "mqchat-origin";

    private final MembershipGate gate;
    private final SenderBudget budget;
    private final Publisher publisher;
    private final Codec codec;

    MessageFanout(MembershipGate gate, SenderBudget budget, Publisher publisher, Codec codec) {
        this.gate = gate;
        this.budget = budget;
        this.publisher = publisher;
        this.codec = codec;
    }

    void fanOut(ChatMessage message, Optional<String> origin) throws RetryLater {
        Optional<Group> group = gate.admitOrAnswer(message.group(), message.from(), message.id(),
                Topics.sendToGroup(message.group()));
        if (group.isEmpty()) {
            return;
        }
        if (!budget.spend(message.from(), group.get().members().size())) {
            if (budget.noticeDue(message.from())) {
                gate.answer(message.from(), ErrorCode.RATE_LIMITED, "too many group messages for now: each costs a "
                        + "delivery per member; slow down and send again", message.id(),
                        Topics.sendToGroup(message.group()));
            }
            return;
        }
        byte[] payload = codec.encode(message);
        List<OutboundMessage> out = new ArrayList<>(group.get().members().size() * 2);
        for (String member : group.get().members()) {
            OutboundMessage.Builder copy = OutboundMessage.to(Topics.inbox(member), payload).qos(1)
                    .userProperty(ID_PROPERTY, message.id())
                    .userProperty(FROM_PROPERTY, message.from())
                    .userProperty(GROUP_PROPERTY, message.group());
            if (message.ttl() != null) {
                copy.messageExpiry(message.ttl());
            }
            if (member.equals(message.from())) {
                origin.ifPresent(client -> copy.userProperty(ORIGIN_PROPERTY, client));
            } else if (!message.isTimerChange()) {
                out.add(notification(message, member));
            }
            out.add(copy.build());
        }
        out.add(OutboundMessage.to(ServiceTopics.laneFor(ServiceTopics.ARCHIVE, message.group()), payload).qos(1).build());
        publisher.publishAll(out);
    }

    private OutboundMessage notification(ChatMessage message, String member) {
        Notify notify = new Notify(member, message.from(), message.group(), message.id(), null, message.ts(),
                message.mentions(member) ? Boolean.TRUE : null);
        return OutboundMessage.to(ServiceTopics.laneFor(ServiceTopics.NOTIFY, member), codec.encode(notify)).qos(1).build();
    }
}
