package io.mqchat.groups.fanout;

import io.mqchat.groups.store.Group;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import io.mqchat.service.OutboundMessage;
import io.mqchat.service.Publisher;
import io.mqchat.service.RetryLater;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fans a member's read marker out to every member's receipts: senders learn READ per member, and the reader's
 * other devices sync their unread counts. The archive gets one copy, for the member's read mark.
 */
final class ReadMarkerFanout {

    private final MembershipGate gate;
    private final SenderBudget budget;
    private final Publisher publisher;
    private final Codec codec;

    ReadMarkerFanout(MembershipGate gate, SenderBudget budget, Publisher publisher, Codec codec) {
        this.gate = gate;
        this.budget = budget;
        this.publisher = publisher;
        this.codec = codec;
    }

    void fanOut(Receipt marker, Optional<String> origin) throws RetryLater {
        Optional<Group> group = gate.admitOrAnswer(marker.group(), marker.by(), marker.upTo(),
                Topics.readInGroup(marker.group()));
        // A private marker goes to the reader's own devices and the archive only: it costs that, not a member each.
        int deliveries = marker.sharedWithOthers() ? group.map(g -> g.members().size()).orElse(0) : 2;
        if (group.isEmpty() || !budget.spend(marker.by(), deliveries)) {
            // Over budget: dropped quietly, since the member's next marker carries this one's position along.
            return;
        }
        byte[] payload = codec.encode(marker);
        List<OutboundMessage> out = new ArrayList<>(group.get().members().size());
        for (String member : group.get().members()) {
            if (!marker.sharedWithOthers() && !member.equals(marker.by())) {
                continue; // read receipts off: only the reader's own devices and the archive learn of it
            }
            OutboundMessage.Builder copy = OutboundMessage.to(Topics.receipts(member), payload).qos(1);
            if (member.equals(marker.by())) {
                origin.ifPresent(client -> copy.userProperty(MessageFanout.ORIGIN_PROPERTY, client));
            }
            out.add(copy.build());
        }
        out.add(OutboundMessage.to(ServiceTopics.laneFor(ServiceTopics.ARCHIVE, marker.group()), payload).qos(1).build());
        publisher.publishAll(out);
    }
}
