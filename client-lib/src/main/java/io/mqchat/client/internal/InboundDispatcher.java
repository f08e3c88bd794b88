package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.client.DeliveryReceipt;
import io.mqchat.client.QueueOverflow;
import io.mqchat.client.ReadReceipt;
import io.mqchat.client.ServerError;
import io.mqchat.client.groups.GroupEvent;
import io.mqchat.client.typing.TypingSignal;
import io.mqchat.protocol.Batch;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.ErrorReply;
import io.mqchat.protocol.GroupRequest;
import io.mqchat.protocol.HistoryRequest;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.Notice;
import io.mqchat.protocol.Presence;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.Response;
import io.mqchat.protocol.Topics;
import io.mqchat.protocol.Typing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns what arrives on the user's tree (and on the presence topics it watches) into calls of the app's
 * listeners, once per chat message, and keeps the client's group, presence and history bookkeeping up to date.
 * Acknowledges (through the callback it is given) only after the listener returned, so that the sender sees
 * DELIVERED only for what the app has actually been given; chat messages go through {@link Delivery}, which may
 * hold them back while a catch-up runs.
 */
public final class InboundDispatcher {

    /** Deduplicator sender key of group events: '#' is in no user id, so no message can collide with them. */
    private static final String GROUP_EVENTS = "#group-event";

    private final String me;
    private final Codec codec;
    private final Deduplicator deduplicator;
    private final Listeners listeners;
    private final PresenceBook presence;
    private final GroupState groups;
    private final ChatState chat;

    /** A dispatcher for 1-1 chat only, with bookkeeping of its own for the rest; for tests. */
    public InboundDispatcher(String me, Codec codec, Deduplicator deduplicator, Listeners listeners, Clock clock) {
        this(me, codec, deduplicator, listeners, clock, new PresenceBook(listeners.presence(), new NoTopics()),
                new GroupState(new GroupDirectory(me), PendingRequests.groups(Duration.ofMinutes(1)),
                        new GroupReceiptTracker(me, GroupReceiptTracker.DEFAULT_CAPACITY,
                                listeners.groupMessageStatus())));
    }

    /** A dispatcher whose chat messages and changes go straight to the listeners, without history; for tests. */
    public InboundDispatcher(String me, Codec codec, Deduplicator deduplicator, Listeners listeners, Clock clock,
                             PresenceBook presence, GroupState groups) {
        this(me, codec, deduplicator, listeners, presence, groups, chatState(me, deduplicator, listeners, clock));
    }

    public InboundDispatcher(String me, Codec codec, Deduplicator deduplicator, Listeners listeners,
                             PresenceBook presence, GroupState groups, ChatState chat) {
        this.me = me;
        this.codec = codec;
        this.deduplicator = deduplicator;
        this.listeners = listeners;
        this.presence = presence;
        this.groups = groups;
        this.chat = chat;
    }

    private static ChatState chatState(String me, Deduplicator deduplicator, Listeners listeners, Clock clock) {
        PendingRequests<MessageChange> changes = PendingRequests.changes(Duration.ofMinutes(1));
        return new ChatState(new Delivery(me, clock, deduplicator, new CursorBook(), new DisappearingTimers(),
                listeners.messages(), new ChangeDelivery(me, clock, deduplicator, listeners.changes(), changes),
                listeners.expired(), (task, delayMillis) -> { }),
                PendingRequests.history(Duration.ofMinutes(1)), () -> { }, changes);
    }

    /** Handles a payload that needs no acknowledgement; for tests. */
    public void dispatch(byte[] payload) {
        dispatch(payload, () -> { });
    }

    /**
     * Handles a payload of the user's tree and runs {@code ack} once the app has what it carries: at once, or for a
     * chat message that waits for a catch-up, later. Runs {@code ack} exactly once either way.
     */
    public void dispatch(byte[] payload, Runnable ack) {
        Envelope envelope;
        try {
            envelope = codec.decode(payload);
        } catch (ProtocolException e) {
            // A newer server may send types this library does not know yet; skipping them keeps it working.
            ack.run();
            return;
        }
        if (envelope instanceof Batch batch) {
            // One publish, so one acknowledgement: once every item in it has been handled.
            AtomicInteger left = new AtomicInteger(batch.items().size());
            Runnable itemDone = () -> {
                if (left.decrementAndGet() == 0) {
                    ack.run();
                }
            };
            if (batch.items().isEmpty()) {
                ack.run();
            }
            batch.items().forEach(item -> dispatch(item, itemDone));
            return;
        }
        dispatch(envelope, ack);
    }

    private void dispatch(Envelope envelope, Runnable ack) {
        if (envelope instanceof ChatMessage message) {
            onMessage(message, ack);
            return;
        }
        if (envelope instanceof MessageChange change) {
            chat.delivery().live(change, ack);
            return;
        }
        try {
            handle(envelope);
        } catch (IllegalArgumentException e) {
            // An id that cannot name a user, group or conversation: not something an app could use.
        } finally {
            ack.run();
        }
    }

    private void handle(Envelope envelope) {
        if (envelope instanceof Receipt receipt) {
            onReceipt(receipt);
        } else if (envelope instanceof ErrorReply error) {
            onError(error);
        } else if (envelope instanceof Notice notice && Notice.QUEUE_OVERFLOW.equals(notice.type())) {
            Listeners.deliver(listeners.overflows(), new QueueOverflow(notice.device(), notice.message(),
                    Instant.ofEpochMilli(notice.ts())));
            chat.overflowed().run();
        } else if (envelope instanceof Typing typing) {
            onTyping(typing);
        } else if (envelope instanceof Presence state && state.user() != null) {
            presence.accept(state);
        } else if (envelope instanceof Response response) {
            onResponse(response);
        } else if (envelope instanceof io.mqchat.protocol.GroupEvent event) {
            onGroupEvent(event);
        } else if (envelope instanceof HistoryResponse response) {
            if (HistoryRequest.SETTINGS.equals(response.op()) && response.ok() && response.settings() != null) {
                // Whichever device asked: a change made on another device reaches this one so.
                chat.settings().learn(response.settings());
            }
            chat.history().answer(response.ref(), response.ok(), response.code(), response.message(), response);
        }
    }

    private void onMessage(ChatMessage message, Runnable ack) {
        try {
            if (message.inGroup() && message.id() != null) {
                groups.tracker().received(message.group(), message.id());
            }
            chat.delivery().live(message, ack);
        } catch (IllegalArgumentException e) {
            // An id that cannot name a user or group: not something an app could use.
            ack.run();
        }
    }

    private void onReceipt(Receipt receipt) {
        Instant at = Instant.ofEpochMilli(receipt.ts());
        boolean inGroup = receipt.group() != null;
        if (receipt.isDelivered()) {
            Conversation conversation = inGroup ? Conversation.group(receipt.group()) : Conversation.with(receipt.by());
            if (inGroup) {
                groups.tracker().delivered(receipt.id(), receipt.by());
            }
            Listeners.deliver(listeners.delivered(),
                    new DeliveryReceipt(receipt.id(), receipt.by(), receipt.device(), at, conversation));
        } else if (receipt.isRead()) {
            if (!chat.settings().shared() && !me.equals(receipt.by())) {
                return; // who shares no read receipts sees none, as in WhatsApp; its own devices' markers still count
            }
            Conversation conversation = inGroup ? Conversation.group(receipt.group()) : Conversation.with(receipt.peer());
            if (inGroup) {
                groups.tracker().read(receipt.group(), receipt.upTo(), receipt.by());
            }
            Listeners.deliver(listeners.read(), new ReadReceipt(inGroup ? null : receipt.peer(), receipt.by(),
                    receipt.upTo(), at, me.equals(receipt.by()), conversation));
        }
    }

    private void onError(ErrorReply error) {
        if (Topics.groupRequests().equals(error.topic())) {
            groups.pending().refused(error.ref(), error.code(), error.message());
        } else if (Topics.historyRequests().equals(error.topic())) {
            chat.history().refused(error.ref(), error.code(), error.message());
        } else if (error.ref() != null) {
            // When it names an edit, delete or reaction of this device, the archive refused it: its future fails.
            chat.changes().refused(error.ref(), error.code(), error.message());
            if (ErrorCode.NOT_MEMBER.wireName().equals(error.code())) {
                // SENT already happened for this message; all that is left to do is stop waiting for its receipts.
                groups.tracker().forget(error.ref());
            }
        }
        Listeners.deliver(listeners.errors(), new ServerError(error.code(), error.message(), error.ref(),
                error.topic(), Instant.ofEpochMilli(error.ts())));
    }

    private void onTyping(Typing typing) {
        if (typing.from() == null || me.equals(typing.from())) {
            return;
        }
        Conversation conversation = typing.group() != null
                ? Conversation.group(typing.group()) : Conversation.with(typing.from());
        TypingSignal.State state = Typing.PAUSED.equals(typing.state())
                ? TypingSignal.State.PAUSED : TypingSignal.State.TYPING;
        Listeners.deliver(listeners.typing(),
                new TypingSignal(conversation, typing.from(), state, Instant.ofEpochMilli(typing.ts())));
    }

    /** Every device of the user gets every response; the directory learns from all of them. */
    private void onResponse(Response response) {
        if (response.ok() && response.group() != null) {
            if (GroupRequest.LEAVE.equals(response.op())) {
                groups.directory().forget(response.group().id());
            } else {
                groups.directory().learn(response.group());
            }
        }
        if (response.ok() && response.groups() != null) {
            response.groups().forEach(groups.directory()::learn);
        }
        groups.pending().answer(response.ref(), response.ok(), response.code(), response.message(), response);
    }

    private void onGroupEvent(io.mqchat.protocol.GroupEvent event) {
        Optional<GroupEvent.Kind> kind = kindOf(event.event());
        if (kind.isEmpty() || event.group() == null
                || (event.id() != null && !deduplicator.firstSeen(GROUP_EVENTS, event.id()))) {
            return;
        }
        GroupEvent change = new GroupEvent(event.id(), event.group(), kind.get(), event.by(),
                event.members() == null ? List.of() : event.members(), event.name(), Instant.ofEpochMilli(event.ts()));
        // An announcement older than a later change of the same member tells the app nothing it may act on.
        groups.directory().apply(change).ifPresent(current -> Listeners.deliver(listeners.groupEvents(), current));
    }

    /** Empty for an event kind a newer server may know and this library does not. */
    private static Optional<GroupEvent.Kind> kindOf(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(GroupEvent.Kind.valueOf(wire.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Presence subscriptions of a dispatcher that has no connection. */
    private static final class NoTopics implements PresenceBook.Topics {
        @Override
        public void subscribe(String user) {
        }

        @Override
        public void unsubscribe(String user) {
        }
    }
}
