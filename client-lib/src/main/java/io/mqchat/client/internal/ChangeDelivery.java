package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.client.MessageChanged;
import io.mqchat.protocol.MessageChange;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Hands the changes of messages the server applied (edits, deletes for everyone, reactions) to the app, once each,
 * and completes the change of this device that waited for it. The archive publishes an applied change to every
 * participant's inbox, the changing device's too, so this device's own changes come back here as well.
 * {@link Delivery} calls it, in order with the messages. Thread-safe.
 */
public final class ChangeDelivery {

    /** Deduplicator sender suffix: '#' is in no user id, so a change cannot be mistaken for a message. */
    private static final String CHANGES = "#change";

    private final String me;
    private final Clock clock;
    private final Deduplicator deduplicator;
    private final Consumer<MessageChanged> listener;
    private final PendingRequests<MessageChange> mine;

    /**
     * @param listener the app's change listener
     * @param mine     this device's changes, waiting for the archive's verdict
     */
    public ChangeDelivery(String me, Clock clock, Deduplicator deduplicator, Consumer<MessageChanged> listener,
                          PendingRequests<MessageChange> mine) {
        this.me = me;
        this.clock = clock;
        this.deduplicator = deduplicator;
        this.listener = listener;
        this.mine = mine;
    }

    /** An applied change arrived: tells the app, unless it had it already, then ends this device's wait for it. */
    public void handOver(MessageChange change) {
        MessageChanged event = eventOrNull(change);
        if (event == null) {
            return;
        }
        // After a crash the archive may publish a change again.
        if (change.id() != null && !deduplicator.firstSeen(change.from() + CHANGES, change.id())) {
            return;
        }
        Listeners.deliver(listener, event);
        // Only after the listener: when the future completes, the app's view shows the change.
        if (event.byMe() && change.id() != null) {
            mine.answer(change.id(), true, null, null, change);
        }
    }

    /** The app's view of an applied change; null for one that lacks what the app needs to apply it. */
    private MessageChanged eventOrNull(MessageChange change) {
        MessageChanged.Kind kind = kindOf(change.type());
        if (kind == null || change.from() == null || change.target() == null || change.target().id() == null
                || change.target().from() == null) {
            return null;
        }
        try {
            Conversation conversation = change.inGroup() ? Conversation.group(change.group())
                    : Conversation.with(me.equals(change.from()) ? change.to() : change.from());
            Instant at = change.ts() != null ? Instant.ofEpochMilli(change.ts()) : clock.instant();
            return new MessageChanged(kind, change.id(), conversation, change.target().id(), change.target().from(),
                    change.from(), at, kind == MessageChanged.Kind.EDITED ? change.body() : null,
                    kind == MessageChanged.Kind.REACTED ? change.emoji() : null, me.equals(change.from()));
        } catch (IllegalArgumentException e) {
            return null; // an id that cannot name a user or group
        }
    }

    private static MessageChanged.Kind kindOf(String type) {
        return switch (type == null ? "" : type) {
            case MessageChange.EDIT -> MessageChanged.Kind.EDITED;
            case MessageChange.DELETE -> MessageChanged.Kind.DELETED;
            case MessageChange.REACTION -> MessageChanged.Kind.REACTED;
            default -> null;
        };
    }
}
