package io.mqchat.groups.fanout;

import io.mqchat.groups.store.Group;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Topics;
import io.mqchat.protocol.Typing;
import io.mqchat.service.OutboundMessage;
import io.mqchat.service.Publisher;
import io.mqchat.service.RetryLater;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Passes a member's typing signal to the other members at QoS 0; signals of non-members vanish unanswered. */
final class TypingFanout {

    private final MembershipGate gate;
    private final Publisher publisher;
    private final Codec codec;

    TypingFanout(MembershipGate gate, Publisher publisher, Codec codec) {
        this.gate = gate;
        this.publisher = publisher;
        this.codec = codec;
    }

    void fanOut(Typing typing) throws RetryLater {
        Optional<Group> group = gate.admit(typing.group(), typing.from());
        if (group.isEmpty()) {
            return;
        }
        byte[] payload = codec.encode(typing);
        List<OutboundMessage> out = new ArrayList<>(group.get().members().size());
        for (String member : group.get().members()) {
            if (!member.equals(typing.from())) {
                out.add(OutboundMessage.to(Topics.typing(member), payload).qos(0).build());
            }
        }
        publisher.publishAll(out);
    }
}
