package io.mqchat.client.internal;

import static io.mqchat.client.internal.DeviceState.START;
import static io.mqchat.client.internal.DeviceState.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.Conversation;
import io.mqchat.client.Message;
import io.mqchat.client.MessageChanged;
import io.mqchat.client.SendRejectedException;
import io.mqchat.client.ServerError;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.ErrorReply;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.MessageRef;
import io.mqchat.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** What bob's device makes of edits, deletes and reactions the archive applied, and of its refusals. */
class MessageChangeDispatchTest {

    private final Codec codec = new Codec();
    private final DeviceState bob = new DeviceState("bob");
    private final List<ServerError> errors = new ArrayList<>();
    private final InboundDispatcher bobsDevice = new InboundDispatcher("bob", codec, bob.deduplicator,
            Listeners.none().withErrors(errors::add), new PresenceBook(state -> { }, null),
            new GroupState(new GroupDirectory("bob"), PendingRequests.groups(Duration.ofMinutes(1)),
                    new GroupReceiptTracker("bob", 10, status -> { })),
            new ChatState(bob.delivery, PendingRequests.history(Duration.ofMinutes(1)), () -> { }, bob.myChanges));

    /** A reaction as the archive publishes it in a 1-1 conversation. */
    private byte[] reaction(String id, String from, String to, MessageRef target, String emoji) {
        return codec.encode(MessageChange.reaction(id, target, emoji).stamped(id, from, to, START));
    }

    @Test
    void anEditAsTheArchivePublishesItReachesTheChangeListener() {
        bobsDevice.dispatch(("{\"v\":1,\"type\":\"edit\",\"id\":\"e1\",\"from\":\"alice\",\"to\":\"bob\","
                + "\"ts\":1700000000000,\"target\":{\"id\":\"m1\",\"from\":\"alice\"},\"body\":\"new text\"}")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(new MessageChanged(MessageChanged.Kind.EDITED, "e1", Conversation.with("alice"), "m1",
                "alice", "alice", Instant.ofEpochMilli(1_700_000_000_000L), "new text", null, false)), bob.changes);
    }

    @Test
    void aChangeDeliveredTwiceEvenInABatchReachesTheListenerOnceAndIsAcknowledgedEachTime() {
        byte[] delete = codec.encode(MessageChange.delete("d1", new MessageRef("m1", "alice"))
                .stamped("d1", "alice", "bob", START));
        List<String> acks = new ArrayList<>();

        bobsDevice.dispatch(delete, () -> acks.add("alone"));
        bobsDevice.dispatch(codec.encodeBatch(List.of(delete)), () -> acks.add("batch"));

        assertEquals(1, bob.changes.size());
        assertEquals(MessageChanged.Kind.DELETED, bob.changes.get(0).kind());
        assertNull(bob.changes.get(0).text());
        assertEquals(List.of("alone", "batch"), acks);
    }

    @Test
    void aChangeIsNotMistakenForAMessageWithTheSameSenderAndId() {
        bobsDevice.dispatch(codec.encode(text("x1", "alice", "bob", START)));
        bobsDevice.dispatch(reaction("x1", "alice", "bob", new MessageRef("x1", "alice"), "👍"));

        assertEquals(1, bob.messages.size());
        assertEquals(1, bob.changes.size());
    }

    @Test
    void thisUsersReactionFromAnotherDeviceIsByMeAndARemovalInAGroupHasNoEmoji() {
        bobsDevice.dispatch(reaction("r1", "bob", "alice", new MessageRef("m1", "alice"), "👍"));
        bobsDevice.dispatch(codec.encode(MessageChange.reaction("r2", new MessageRef("m2", "bob"), null)
                .stampedForGroup("r2", "carol", "g-1", START)));

        MessageChanged mine = bob.changes.get(0);
        assertTrue(mine.byMe());
        assertEquals(Conversation.with("alice"), mine.conversation());
        assertEquals("👍", mine.emoji());
        MessageChanged removal = bob.changes.get(1);
        assertEquals(Conversation.group("g-1"), removal.conversation());
        assertEquals("carol", removal.by());
        assertEquals("bob", removal.messageFrom());
        assertFalse(removal.byMe());
        assertTrue(removal.removesReaction());
    }

    @Test
    void theAppliedChangeCompletesThisDevicesFutureOnlyAfterTheListenerHeardOfIt() {
        CompletableFuture<MessageChange> waiting = bob.myChanges.register("r3", "r3");
        List<Integer> changesSeenOnCompletion = new ArrayList<>();
        waiting.thenRun(() -> changesSeenOnCompletion.add(bob.changes.size()));

        bobsDevice.dispatch(reaction("r3", "alice", "bob", new MessageRef("m1", "bob"), "😂"));
        assertFalse(waiting.isDone(), "the same id from another user is not this device's change");
        bobsDevice.dispatch(reaction("r3", "bob", "alice", new MessageRef("m1", "alice"), "😂"));

        assertTrue(waiting.isDone());
        assertEquals(List.of(2), changesSeenOnCompletion);
        assertEquals(0, bob.myChanges.size());
    }

    @Test
    void anErrorNamingTheChangeFailsItsFutureWithTheServersCodeAndStillReachesTheErrorListener() {
        CompletableFuture<MessageChange> waiting = bob.myChanges.register("e2", "e2");

        bobsDevice.dispatch(codec.encode(new ErrorReply(ErrorCode.NOT_FOUND.wireName(), "no message m9", "e2",
                Topics.send("alice"), 5)));

        ExecutionException failure = assertThrows(ExecutionException.class, waiting::get);
        SendRejectedException refused = assertInstanceOf(SendRejectedException.class, failure.getCause());
        assertEquals(Optional.of(ErrorCode.NOT_FOUND), refused.code());
        assertEquals("e2", refused.messageId());
        assertEquals(List.of("e2"), errors.stream().map(ServerError::ref).toList());
        assertEquals(0, bob.myChanges.size());
    }

    @Test
    void aChangeThatArrivesDuringACatchUpWaitsForTheMessagesHeldBeforeIt() {
        bob.delivery.hold();
        bobsDevice.dispatch(codec.encode(text("m2", "alice", "bob", START + 2)));
        bobsDevice.dispatch(codec.encode(MessageChange.edit("e3", "m2", "better").stamped("e3", "alice", "bob",
                START + 3)));
        assertEquals(List.of(), bob.handedOver);

        bob.delivery.caughtUp(List.of(text("m1", "alice", "bob", START + 1)));
        bob.delivery.release();

        assertEquals(List.of("m1", "m2", "edit of m2"), bob.handedOver.stream()
                .map(item -> item instanceof Message m ? m.id() : "edit of " + ((MessageChanged) item).messageId())
                .toList());
    }

    @Test
    void aHistoryPageShowsTheEditsDeletesAndReactionsTheArchiveAppliedAndALiveMessageNone() {
        ChatMessage edited = new ChatMessage(ChatMessage.TEXT, "m1", "alice", "bob", null, START, "better", null, null,
                null, null, null, null, START + 5, null, Map.of("bob", "👍", "alice", "❤️"));
        ChatMessage deleted = new ChatMessage(ChatMessage.TEXT, "m2", "alice", "bob", null, START + 1, null, null,
                null, null, null, null, null, null, true, null);

        List<Message> page = bob.delivery.page(List.of(edited, deleted));
        bobsDevice.dispatch(codec.encode(text("m3", "alice", "bob", START + 2)));

        assertEquals("better", page.get(0).text());
        assertEquals(Optional.of(Instant.ofEpochMilli(START + 5)), page.get(0).edited());
        assertEquals(Map.of("bob", "👍", "alice", "❤️"), page.get(0).reactions());
        assertFalse(page.get(0).deleted());
        assertTrue(page.get(1).deleted());
        assertNull(page.get(1).text());
        assertEquals(Map.of(), page.get(1).reactions());
        Message live = bob.messages.get(0);
        assertEquals(Optional.empty(), live.edited());
        assertFalse(live.deleted());
        assertEquals(Map.of(), live.reactions());
    }
}
