package io.mqchat.client.internal;

import static io.mqchat.client.internal.DeviceState.START;
import static io.mqchat.client.internal.DeviceState.disappearing;
import static io.mqchat.client.internal.DeviceState.text;
import static io.mqchat.client.internal.DeviceState.timer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.Conversation;
import io.mqchat.client.ExpiredMessage;
import io.mqchat.client.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How bob's device hands messages over, whatever their source: once, in order, never after they expired. */
class DeliveryTest {

    private final DeviceState bob = new DeviceState("bob");
    private final List<String> acks = new ArrayList<>();

    private Runnable ack(String id) {
        return () -> acks.add(id);
    }

    @Test
    void liveMessagesThatArriveDuringACatchUpComeAfterWhatItFound() {
        bob.delivery.hold();
        bob.delivery.live(text("m3", "alice", "bob", START + 3), ack("m3"));
        bob.delivery.live(text("m4", "alice", "bob", START + 4), ack("m4"));
        assertEquals(List.of(), bob.ids(), "held back while the catch-up runs");
        assertEquals(List.of("m3", "m4"), acks, "acknowledged at once: unacknowledged ones would fill the queue");

        bob.delivery.caughtUp(List.of(text("m1", "alice", "bob", START + 1), text("m2", "alice", "bob", START + 2),
                text("m3", "alice", "bob", START + 3)));
        bob.delivery.release();

        assertEquals(List.of("m1", "m2", "m3", "m4"), bob.ids());
        assertEquals(List.of(Message.Origin.CATCH_UP, Message.Origin.CATCH_UP, Message.Origin.CATCH_UP,
                Message.Origin.LIVE), bob.messages.stream().map(Message::origin).toList());
    }

    @Test
    void aMessageThatHasExpiredIsNeverHandedOverButStillAcknowledged() {
        bob.delivery.live(disappearing("gone", "alice", "bob", START - 5_000, 2), ack("gone"));
        bob.delivery.caughtUp(List.of(disappearing("gone2", "alice", "bob", START - 5_000, 2)));
        List<Message> page = bob.delivery.page(List.of(disappearing("gone3", "alice", "bob", START - 5_000, 2),
                text("kept", "alice", "bob", START - 5_000)));

        assertEquals(List.of(), bob.ids());
        assertEquals(List.of("gone"), acks);
        assertEquals(List.of("kept"), page.stream().map(Message::id).toList());
    }

    @Test
    void theAppIsToldOnceWhenAMessageItHasExpires() {
        bob.delivery.live(disappearing("d1", "alice", "bob", START, 10), ack("d1"));
        bob.delivery.live(disappearing("d2", "alice", "bob", START, 5), ack("d2"));
        Message first = bob.messages.get(0);
        assertEquals(Instant.ofEpochMilli(START + 10_000), first.expiresAt());
        assertTrue(bob.wakeUpDelays.contains(5_000L), "a wake-up for the earliest expiry: " + bob.wakeUpDelays);

        bob.advanceAndWakeUp(Duration.ofSeconds(4));
        assertEquals(List.of(), bob.expired, "not before its time");

        bob.advanceAndWakeUp(Duration.ofSeconds(7));
        bob.wakeUp();
        assertEquals(List.of(new ExpiredMessage("d2", "alice", Conversation.with("alice"),
                        Instant.ofEpochMilli(START + 5_000)),
                new ExpiredMessage("d1", "alice", Conversation.with("alice"), Instant.ofEpochMilli(START + 10_000))),
                bob.expired, "earliest first, each once");
    }

    @Test
    void aPageCountsAsHandedOverSoTheLiveCopyOfItsNewestMessageIsNotRepeated() {
        bob.delivery.live(text("m1", "alice", "bob", START + 1), ack("m1"));
        bob.delivery.page(List.of(text("m0", "alice", "bob", START), text("m2", "alice", "bob", START + 2)));

        bob.delivery.live(text("m2", "alice", "bob", START + 2), ack("m2"));

        assertEquals(List.of("m1"), bob.ids());
        assertEquals(List.of("m1", "m2"), acks);
        assertEquals(io.mqchat.protocol.Cursor.of(text("m2", "alice", "bob", START + 2)),
                bob.book.get(Conversation.with("alice")), "the catch-up pages after the page's newest message");
    }

    @Test
    void aMessageThisDeviceSentIsNotHandedBackWhenACatchUpFindsIt() {
        bob.delivery.sending("mine");

        bob.delivery.caughtUp(List.of(text("mine", "bob", "alice", START), text("other-device", "bob", "alice",
                START + 1)));

        assertEquals(List.of("other-device"), bob.ids());
        assertTrue(bob.messages.get(0).sentByMe());
    }

    @Test
    void aTimerChangeIsASystemMessageThatSetsTheConversationsTimer() {
        bob.delivery.live(timer("t1", "alice", "bob", START, 86_400), ack("t1"));

        Message change = bob.messages.get(0);
        assertTrue(change.isTimerChange());
        assertEquals(Duration.ofDays(1), change.timer());
        assertEquals(null, change.text());
        assertEquals(86_400, bob.timers.seconds(Conversation.with("alice")));
    }
}
