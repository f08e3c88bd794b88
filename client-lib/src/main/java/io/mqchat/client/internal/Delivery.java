package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.client.ExpiredMessage;
import io.mqchat.client.Message;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Cursor;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.MessageChange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands chat messages to the app: live ones as they arrive, caught-up ones from the archive, and the pages the app
 * asks for; live changes of messages (edits, deletes, reactions) go to {@link ChangeDelivery} in the same order.
 * Whatever the source, a message the app already has or that has disappeared is not handed over, and
 * each handed-over message moves its conversation's {@link CursorBook} position, teaches
 * {@link DisappearingTimers} a timer change, and is {@link Expiries tracked} until it expires.
 *
 * <p>While a catch-up runs, live messages and changes are held back and handed over after the caught-up messages,
 * so that the app sees every conversation in order (and a change only after the message it changes). One lock
 * serializes every call of the app's message, change and expiry listeners, whichever thread makes it. Thread-safe.
 */
public final class Delivery {

    private final String me;
    private final Clock clock;
    private final Deduplicator deduplicator;
    private final CursorBook book;
    private final DisappearingTimers timers;
    private final Consumer<Message> listener;
    private final ChangeDelivery changes;
    private final Expiries expiries;
    /** Live messages and changes, in arrival order. */
    private final List<Envelope> held = new ArrayList<>();
    private boolean holding;
    /** Counts holds, so that a late limit of an earlier hold cannot end a later one. */
    private long holds;

    /**
     * @param changes hands live changes of messages to the app
     * @param expired the app's expiry listener
     * @param wakeUps schedules the expiry wake-ups
     */
    public Delivery(String me, Clock clock, Deduplicator deduplicator, CursorBook book, DisappearingTimers timers,
                    Consumer<Message> listener, ChangeDelivery changes, Consumer<ExpiredMessage> expired,
                    Scheduler wakeUps) {
        this.me = me;
        this.clock = clock;
        this.deduplicator = deduplicator;
        this.book = book;
        this.timers = timers;
        this.listener = listener;
        this.changes = changes;
        this.expiries = new Expiries(clock, wakeUps, message -> {
            synchronized (this) {
                Listeners.deliver(expired, message);
            }
        });
    }

    /**
     * A message the server pushed: hands it over (or drops it) and then runs {@code ack}. While a catch-up runs,
     * it waits in memory and is acknowledged at once: the broker counts unacknowledged messages against the
     * device's queue limit, and a queue full of them would drop the very answers the catch-up waits for.
     */
    public synchronized void live(ChatMessage message, Runnable ack) {
        if (holding) {
            held.add(message);
            ack.run();
            return;
        }
        handOver(message, Message.Origin.LIVE);
        ack.run();
    }

    /** A change the server pushed: like {@link #live}, it waits while a catch-up runs, and then runs {@code ack}. */
    public synchronized void live(MessageChange change, Runnable ack) {
        if (holding) {
            held.add(change);
        } else {
            changes.handOver(change);
        }
        ack.run();
    }

    /**
     * From now on live messages and changes wait until {@link #release()}; returns this hold's number for
     * {@link #release(long)}.
     */
    public synchronized long hold() {
        holding = true;
        return ++holds;
    }

    /** Hands over what the catch-up found, oldest first, before the live messages that waited for it. */
    public synchronized void caughtUp(List<ChatMessage> messages) {
        for (ChatMessage message : messages) {
            handOver(message, Message.Origin.CATCH_UP);
        }
    }

    /** Hands over the live messages and changes that waited, in arrival order, and stops holding. */
    public synchronized void release() {
        holding = false;
        List<Envelope> waiting = List.copyOf(held);
        held.clear();
        for (Envelope live : waiting) {
            if (live instanceof MessageChange change) {
                changes.handOver(change);
            } else {
                handOver((ChatMessage) live, Message.Origin.LIVE);
            }
        }
    }

    /** {@link #release()}, unless hold {@code number} has ended and another began since. */
    public synchronized void release(long number) {
        if (number == holds) {
            release();
        }
    }

    /**
     * The app's view of a page it asked for, without disappeared messages. Messages newer than what the app had
     * of the conversation count as handed over, so that neither the live stream nor a catch-up repeats them.
     */
    public synchronized List<Message> page(List<ChatMessage> messages) {
        List<Message> page = new ArrayList<>(messages.size());
        long now = clock.millis();
        for (ChatMessage message : messages) {
            Conversation conversation = conversationOrNull(message);
            if (message.expiredAt(now) || conversation == null) {
                continue;
            }
            Cursor position = Messages.positionOf(message);
            Cursor known = book.get(conversation);
            if (position != null && (known == null || position.compareTo(known) > 0)) {
                deduplicator.firstSeen(message.from(), message.id());
                book.advance(conversation, position);
            }
            page.add(learn(message, conversation, position, Message.Origin.HISTORY));
        }
        return page;
    }

    /** This device is sending message {@code id}: a catch-up that finds it must not hand it back as a copy. */
    public void sending(String id) {
        deduplicator.firstSeen(me, id);
    }

    /** The server accepted a disappearing message this device sent: tell the app when it expires. */
    public void sent(String id, Conversation conversation, Instant expiresAt) {
        expiries.track(new ExpiredMessage(id, me, conversation, expiresAt));
    }

    /** Tells the app about every tracked message expired by now; the scheduled wake-ups call the same. */
    void sweepExpiries() {
        expiries.sweep();
    }

    /** Expiry wake-ups stop: the client is closed. */
    public void close() {
        expiries.close();
    }

    private void handOver(ChatMessage message, Message.Origin origin) {
        if (message.expiredAt(clock.millis())) {
            return;
        }
        if (message.from() != null && message.id() != null && !deduplicator.firstSeen(message.from(), message.id())) {
            return;
        }
        Conversation conversation = conversationOrNull(message);
        if (conversation == null) {
            return;
        }
        Cursor position = Messages.positionOf(message);
        book.advance(conversation, position);
        Listeners.deliver(listener, learn(message, conversation, position, origin));
    }

    /** Null for ids that cannot name a user or group: nothing an app could use. */
    private Conversation conversationOrNull(ChatMessage message) {
        try {
            return Messages.conversationOf(me, message);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Learns what the message says about its conversation and tracks its expiry. */
    private Message learn(ChatMessage message, Conversation conversation, Cursor position, Message.Origin origin) {
        Message converted = Messages.toMessage(me, message, origin, clock.instant());
        if (converted.isTimerChange() && position != null) {
            timers.learn(conversation, (int) converted.timer().toSeconds(), position);
        }
        if (converted.expiresAt() != null && converted.id() != null && converted.from() != null) {
            expiries.track(new ExpiredMessage(converted.id(), converted.from(), conversation, converted.expiresAt()));
        }
        return converted;
    }
}
