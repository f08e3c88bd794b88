package io.mqchat.archive.changes;

import io.mqchat.archive.store.ArchiveStore;
import io.mqchat.archive.store.ConversationKey;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ErrorReply;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.MessageRef;
import io.mqchat.protocol.Topics;
import io.mqchat.service.OutboundMessage;
import io.mqchat.service.Publisher;
import io.mqchat.service.RetryLater;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the participants of a conversation about a change the archive kept, every device of theirs (the changing
 * one too, which learns so that it was applied), or tells the sender why it was refused. Waits for the broker, so
 * the feed item is acknowledged only once everyone's copy is queued: a worker killed before that applies the change
 * again (which changes nothing) and tells them again (devices drop the copy by its id).
 */
public final class ChangeDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeDelivery.class);

    private static final long ABANDONED_CHECK_MILLIS = 10_000;
    private static final int ABANDONED_PER_LOOK = 100;

    private final ArchiveStore store;
    private final MessageChanges changes;
    private final Publisher publisher;
    private final Codec codec;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private volatile long nextAbandonedCheck;
    private final AtomicBoolean lookScheduled = new AtomicBoolean();

    /**
     * @param timer looks for abandoned changes once a parked one's wait is over (also when nothing else comes)
     */
    public ChangeDelivery(ArchiveStore store, MessageChanges changes, Publisher publisher, Codec codec, Clock clock,
                          ScheduledExecutorService timer) {
        this.store = store;
        this.timer = timer;
        this.changes = changes;
        this.publisher = publisher;
        this.codec = codec;
        this.clock = clock;
    }

    /** Applies a stamped change and publishes what became of it (nothing yet, when it waits for its message). */
    public void deliver(MessageChange change) throws RetryLater {
        ChangeOutcome outcome = changes.apply(change, clock.millis());
        if (!outcome.parked()) {
            publish(change, outcome);
            return;
        }
        // Its message may have been archived (by another node's worker) between the look and the park.
        ConversationKey conversation = ConversationKey.of(change);
        if (store.message(conversation, change.target(), clock.millis()).isPresent()) {
            release(conversation, change);
        } else {
            lookForAbandonedAfter(changes.changeWait().plusSeconds(1));
        }
    }

    /**
     * Applies and publishes the changes that waited for {@code message}, just archived, and forgets them after: a
     * worker killed before that applies them again (which changes nothing) and publishes them again.
     */
    public void releaseFor(ChatMessage message) throws RetryLater {
        if (changes.changeWait().isZero()) {
            return; // nothing waits: no query per archived message
        }
        ConversationKey conversation = ConversationKey.of(message);
        for (MessageChange change : store.parkedFor(conversation, new MessageRef(message.id(), message.from()))) {
            release(conversation, change);
        }
    }

    /** Handles a parked change unless another handler holds it; forgets it once published. */
    private void release(ConversationKey conversation, MessageChange change) throws RetryLater {
        if (store.claimParked(conversation, change, clock.millis())) {
            publish(change, changes.applyParked(change, clock.millis()));
            store.unpark(conversation, change);
        }
    }

    /** Looks for abandoned changes once {@code delay} has passed, on the timer; one look waits at a time. */
    public void lookForAbandonedAfter(Duration delay) {
        if (changes.changeWait().isZero() || !lookScheduled.compareAndSet(false, true)) {
            return;
        }
        timer.schedule(() -> {
            lookScheduled.set(false);
            nextAbandonedCheck = 0;
            Duration next = changes.changeWait();
            try {
                refuseAbandoned();
                // The next look when the oldest change still waiting is due: none waits unanswered.
                OptionalLong oldest = store.oldestParkedAt();
                if (oldest.isEmpty()) {
                    return;
                }
                next = Duration.ofMillis(Math.max(1_000,
                        oldest.getAsLong() + changes.changeWait().toMillis() + 1_000 - clock.millis()));
            } catch (RetryLater | RuntimeException e) {
                // Parked changes stay: look again after a wait.
                LOG.warn("could not refuse changes whose message never came: {}", e.toString());
            }
            lookForAbandonedAfter(next);
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Refuses the changes whose message never came within the change wait: {@code not_found} to their senders (or
     * applies one whose message came after all). Looks at most every ten seconds (or the wait, if shorter), at most
     * {@value #ABANDONED_PER_LOOK} at a time; every lane's feed calls it, and each change is claimed by one.
     */
    public void refuseAbandoned() throws RetryLater {
        long now = clock.millis();
        if (changes.changeWait().isZero() || now < nextAbandonedCheck) {
            return;
        }
        nextAbandonedCheck = now + Math.min(ABANDONED_CHECK_MILLIS, changes.changeWait().toMillis());
        Optional<MessageChange> abandoned;
        for (int i = 0; i < ABANDONED_PER_LOOK
                && (abandoned = store.claimParkedBefore(now - changes.changeWait().toMillis(), now)).isPresent(); i++) {
            MessageChange change = abandoned.get();
            publish(change, changes.applyParked(change, now));
            store.unpark(ConversationKey.of(change), change);
        }
    }

    private void publish(MessageChange change, ChangeOutcome outcome) throws RetryLater {
        if (outcome.parked()) {
            return;
        }
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
