package io.mqchat.groups.fanout;

import io.mqchat.groups.store.Group;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import io.mqchat.service.OutboundMessage;
import io.mqchat.service.Publisher;
import io.mqchat.service.RetryLater;
import java.util.List;
import java.util.Optional;

/**
 * Hands a member's edit, delete or reaction in a group to the archive, which knows the message it names and
 * publishes the change to the members once it checked and kept it. Checked here is what only the group knows: the
 * sender is a member, and a delete of someone else's message is an admin's. On the group's archive lane the change
 * comes behind the message it names, which this worker put there when it fanned it out.
 */
final class ChangeForwarding {

    private final MembershipGate gate;
    private final SenderBudget budget;
    private final Publisher publisher;
    private final Codec codec;

    ChangeForwarding(MembershipGate gate, SenderBudget budget, Publisher publisher, Codec codec) {
        this.gate = gate;
        this.budget = budget;
        this.publisher = publisher;
        this.codec = codec;
    }

    void forward(MessageChange change) throws RetryLater {
        String requestTopic = Topics.sendToGroup(change.group());
        Optional<Group> group = gate.admitOrAnswer(change.group(), change.from(), change.id(), requestTopic);
        if (group.isEmpty()) {
            return;
        }
        if (change.targetsOthers() && !MessageChange.REACTION.equals(change.type())) {
            boolean adminDelete = MessageChange.DELETE.equals(change.type()) && group.get().isAdmin(change.from());
            if (!adminDelete) {
                gate.answer(change.from(), ErrorCode.NOT_ALLOWED, MessageChange.DELETE.equals(change.type())
                        ? "only its sender or a group admin deletes a message" : "only its sender edits a message",
                        change.id(), requestTopic);
                return;
            }
        }
        // The archive publishes the change to every member: it costs what a message costs.
        if (!budget.spend(change.from(), group.get().members().size())) {
            // Always answered, unlike a message over budget: the sender's app waits for the change to come back.
            gate.answer(change.from(), ErrorCode.RATE_LIMITED, "too many group changes for now: each costs a "
                    + "delivery per member; slow down and send again", change.id(), requestTopic);
            return;
        }
        publisher.publishAll(List.of(OutboundMessage.to(ServiceTopics.laneFor(ServiceTopics.ARCHIVE, change.group()),
                codec.encode(change)).qos(1).build()));
    }
}
