package io.mqchat.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.DeliveryReceipt;
import io.mqchat.client.Message;
import io.mqchat.client.ReadReceipt;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Receipt;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundDispatcherTest {

    private final Codec codec = new Codec();
    private final List<Message> messages = new ArrayList<>();
    private final List<DeliveryReceipt> delivered = new ArrayList<>();
    private final List<ReadReceipt> reads = new ArrayList<>();
    private final InboundDispatcher bobsDevice = new InboundDispatcher("bob", codec, new Deduplicator(100),
            Listeners.none().withMessages(messages::add).withDelivered(delivered::add).withRead(reads::add),
            Clock.systemUTC());

    private byte[] chat(String id, String from, String to, String body) {
        return codec.encode(ChatMessage.text(id, body).stamped(id, from, to, 1_700_000_000_000L));
    }

    @Test
    void aMessageDeliveredTwiceReachesTheListenerOnce() {
        byte[] payload = chat("m1", "alice", "bob", "hi");

        bobsDevice.dispatch(payload);
        bobsDevice.dispatch(payload);

        assertEquals(1, messages.size());
        Message message = messages.get(0);
        assertEquals("m1", message.id());
        assertEquals("alice", message.from());
        assertEquals("hi", message.text());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), message.sentAt());
        assertFalse(message.sentByMe());
    }

    @Test
    void aCopyOfWhatThisUserSentFromAnotherDeviceIsMarkedAsSentByMe() {
        bobsDevice.dispatch(chat("m2", "bob", "carol", "from my laptop"));

        assertTrue(messages.get(0).sentByMe());
        assertEquals("carol", messages.get(0).peer());
    }

    @Test
    void receiptsReachTheirListeners() {
        bobsDevice.dispatch(codec.encode(Receipt.delivered("m3", "alice", "phone", 5)));
        bobsDevice.dispatch(codec.encode(Receipt.read("m3", "alice", "alice", 6)));
        bobsDevice.dispatch(codec.encode(Receipt.read("m9", "bob", "carol", 7)));

        assertEquals(new DeliveryReceipt("m3", "alice", "phone", Instant.ofEpochMilli(5)), delivered.get(0));
        assertEquals(new ReadReceipt("alice", "alice", "m3", Instant.ofEpochMilli(6), false), reads.get(0));
        assertEquals(new ReadReceipt("carol", "bob", "m9", Instant.ofEpochMilli(7), true), reads.get(1));
    }

    @Test
    void aBatchOfReceiptsReachesTheListenerAsSeparateReceiptsInOrderAndIsAcknowledgedOnce() {
        byte[] batch = codec.encodeBatch(List.of(codec.encode(Receipt.delivered("m5", "alice", "phone", 8)),
                codec.encode(Receipt.delivered("m6", "alice", "phone", 9)),
                codec.encode(Receipt.delivered("m6", "alice", "tablet", 10))));
        int[] acks = {0};

        bobsDevice.dispatch(batch, () -> acks[0]++);

        assertEquals(List.of(new DeliveryReceipt("m5", "alice", "phone", Instant.ofEpochMilli(8)),
                new DeliveryReceipt("m6", "alice", "phone", Instant.ofEpochMilli(9)),
                new DeliveryReceipt("m6", "alice", "tablet", Instant.ofEpochMilli(10))), delivered);
        assertEquals(1, acks[0]);
    }

    @Test
    void somethingUnreadableIsSkippedAndTheNextMessageStillArrives() {
        bobsDevice.dispatch("{\"v\":1,\"type\":\"from-the-future\"}".getBytes(StandardCharsets.UTF_8));
        bobsDevice.dispatch("not json".getBytes(StandardCharsets.UTF_8));
        bobsDevice.dispatch(chat("m4", "alice", "bob", "still here"));

        assertEquals(List.of("m4"), messages.stream().map(Message::id).toList());
    }

    @Test
    void aThrowingListenerDoesNotStopLaterMessages() {
        List<String> seen = new ArrayList<>();
        InboundDispatcher dispatcher = new InboundDispatcher("bob", codec, new Deduplicator(100),
                Listeners.none().withMessages(message -> {
                    seen.add(message.id());
                    throw new IllegalStateException("app bug");
                }), Clock.systemUTC());
        Thread thread = Thread.currentThread();
        Thread.UncaughtExceptionHandler previous = thread.getUncaughtExceptionHandler();
        List<Throwable> reported = new ArrayList<>();
        thread.setUncaughtExceptionHandler((t, e) -> reported.add(e));
        try {
            dispatcher.dispatch(chat("m5", "alice", "bob", "one"));
            dispatcher.dispatch(chat("m6", "alice", "bob", "two"));
        } finally {
            thread.setUncaughtExceptionHandler(previous);
        }

        assertEquals(List.of("m5", "m6"), seen);
        assertEquals(2, reported.size());
    }
}
