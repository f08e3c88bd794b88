package io.mqchat.archive.changes;

import io.mqchat.groups.outbound.Publisher;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ErrorReply;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.Topics;
import io.mqchat.service.OutboundMessage;
import io.mqchat.service.RetryLater;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells the participants of a conversation about a change the archive kept, every device of theirs (the changing
 * one too, which learns so that it was applied), or tells the sender why it was refused. Waits for the broker, so
 * the feed item is acknowledged only once everyone's copy is queued: a worker killed before that applies the change
 * again (which changes nothing) and tells them again (devices drop the copy by its id).
 */
public final class ChangeDelivery {

    private final MessageChanges changes;
    private final Publisher publisher;
    private final Codec codec;
    private final Clock clock;

    public ChangeDelivery(MessageChanges changes, Publisher publisher, Codec codec, Clock clock) {
        this.changes = changes;
        this.publisher = publisher;
        this.codec = codec;
        this.clock = clock;
    }

    /** Applies a stamped change and publishes what became of it. */
    public void deliver(MessageChange change) throws RetryLater {
        ChangeOutcome outcome = changes.apply(change, clock.millis());
        List<OutboundMessage> out = new ArrayList<>();
        if (outcome.isApplied()) {
            // An offline queue must not keep an edit's text after the message itself disappeared: rounded down.
            long left = outcome.expiresAt() == null ? -1 : (outcome.expiresAt() - clock.millis()) / 1000;
            if (left == 0) {
                return; // the message disappears within the second: so does the change
            }
            byte[] payload = codec.encode(change);
            for (String participant : outcome.participants()) {
                OutboundMessage.Builder copy = OutboundMessage.to(Topics.inbox(participant), payload).qos(1);
                if (left > 0) {
                    copy.messageExpiry(left);
                }
                out.add(copy.build());
            }
        } else {
            String requestTopic = change.inGroup() ? Topics.sendToGroup(change.group()) : Topics.send(change.to());
            ErrorReply refusal = new ErrorReply(outcome.refusal().wireName(), outcome.reason(), change.id(),
                    requestTopic, clock.millis());
            out.add(OutboundMessage.to(Topics.errors(change.from()), codec.encode(refusal)).qos(1).build());
        }
        publisher.publishAll(out);
    }
}
