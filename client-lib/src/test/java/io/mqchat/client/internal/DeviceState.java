package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.client.ExpiredMessage;
import io.mqchat.client.Message;
import io.mqchat.client.MessageChanged;
import io.mqchat.client.history.Cursor;
import io.mqchat.extension.testing.ManualClock;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.MessageChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one device of {@code me} keeps for chat, wired as the client wires it, with a manual clock, recorded
 * listeners and expiry wake-ups that run only when the test calls {@link #wakeUp()}.
 */
final class DeviceState {

    static final long START = 1_000_000L;

    final String me;
    final ManualClock clock = new ManualClock(START);
    final List<Message> messages = new ArrayList<>();
    final List<MessageChanged> changes = new ArrayList<>();
    /** The messages and changes handed to the app, in the order it got them. */
    final List<Object> handedOver = new ArrayList<>();
    final List<ExpiredMessage> expired = new ArrayList<>();
    final List<Long> wakeUpDelays = new ArrayList<>();
    /**
     * The app's own record of its newest message per conversation, as an app that stores messages keeps it: what
     * a test puts there (it had before), and every message handed over since.
     */
    final Map<Conversation, Cursor> appRecord = new HashMap<>();
    final CursorBook book = new CursorBook(conversation -> Optional.ofNullable(appRecord.get(conversation)));
    final DisappearingTimers timers = new DisappearingTimers();
    final Deduplicator deduplicator = new Deduplicator(1000);
    final PendingRequests<MessageChange> myChanges = PendingRequests.changes(Duration.ofMinutes(1));
    final Delivery delivery;

    DeviceState(String me) {
        this.me = me;
        this.delivery = new Delivery(me, clock, deduplicator, book, timers, this::received,
                new ChangeDelivery(me, clock, deduplicator, this::changed, myChanges), expired::add,
                (task, delayMillis) -> wakeUpDelays.add(delayMillis));
    }

    private void changed(MessageChanged change) {
        changes.add(change);
        handedOver.add(change);
    }

    private void received(Message message) {
        messages.add(message);
        handedOver.add(message);
        if (message.from() == null || message.id() == null) {
            return; // no position
        }
        appRecord.merge(message.conversation(), message.cursor(),
                (known, offered) -> offered.compareTo(known) > 0 ? offered : known);
    }

    /** Moves the clock on by {@code by} and runs the expiry sweep, as the wake-up would. */
    void advanceAndWakeUp(Duration by) {
        clock.advance(by);
        wakeUp();
    }

    void wakeUp() {
        delivery.sweepExpiries();
    }

    List<String> ids() {
        return messages.stream().map(Message::id).toList();
    }

    /** A stamped 1-1 text. */
    static ChatMessage text(String id, String from, String to, long ts) {
        return ChatMessage.text(id, "text " + id).stamped(id, from, to, ts);
    }

    /** A stamped 1-1 text that disappears {@code ttl} seconds after {@code ts}. */
    static ChatMessage disappearing(String id, String from, String to, long ts, int ttl) {
        return ChatMessage.text(id, "text " + id, ttl).stamped(id, from, to, ts);
    }

    /** A stamped 1-1 timer change. */
    static ChatMessage timer(String id, String from, String to, long ts, int seconds) {
        return ChatMessage.timerChange(id, seconds).stamped(id, from, to, ts);
    }

    /** A stamped group text. */
    static ChatMessage inGroup(String id, String from, String group, long ts) {
        return ChatMessage.text(id, "text " + id).stampedForGroup(id, from, group, ts);
    }
}
