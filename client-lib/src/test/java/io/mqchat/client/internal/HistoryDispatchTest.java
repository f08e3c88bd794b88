package io.mqchat.client.internal;

import static io.mqchat.client.internal.DeviceState.START;
import static io.mqchat.client.internal.DeviceState.disappearing;
import static io.mqchat.client.internal.DeviceState.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.Conversation;
import io.mqchat.client.QueueOverflow;
import io.mqchat.client.history.Cursor;
import io.mqchat.client.history.HistoryPage;
import io.mqchat.client.history.HistoryQuery;
import io.mqchat.client.history.HistoryRequestException;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.ErrorReply;
import io.mqchat.protocol.HistoryRequest;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.Notice;
import io.mqchat.protocol.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** History answers, refusals and overflow notices as bob's device receives them, and the query values it sends. */
class HistoryDispatchTest {

    private final Codec codec = new Codec();
    private final DeviceState bob = new DeviceState("bob");
    private final PendingRequests<HistoryResponse> pending = PendingRequests.history(Duration.ofMinutes(1));
    private final List<QueueOverflow> overflows = new ArrayList<>();
    private final List<String> catchUps = new ArrayList<>();
    private final InboundDispatcher bobsDevice = new InboundDispatcher("bob", codec, bob.deduplicator,
            Listeners.none().withOverflows(overflows::add), new PresenceBook(state -> { }, null),
            new GroupState(new GroupDirectory("bob"), PendingRequests.groups(Duration.ofMinutes(1)),
                    new GroupReceiptTracker("bob", 10, status -> { })),
            new ChatState(bob.delivery, pending, () -> catchUps.add("overflow"), bob.myChanges));

    @Test
    void anAnswerCompletesTheRequestWithItsRefAndAnotherDevicesAnswerIsIgnored() {
        CompletableFuture<HistoryResponse> mine = pending.register("h-1", HistoryRequest.MESSAGES);

        bobsDevice.dispatch(codec.encode(HistoryResponse.page("h-other", "alice", null, List.of(), false, 5)));
        assertFalse(mine.isDone());
        bobsDevice.dispatch(codec.encode(HistoryResponse.page("h-1", "alice", null,
                List.of(text("m1", "alice", "bob", START)), true, 5)));

        HistoryResponse answer = mine.join();
        assertEquals("m1", answer.messages().get(0).id());
        assertTrue(answer.more());
    }

    @Test
    void aRefusalFailsTheRequestWithTheServersCode() throws Exception {
        CompletableFuture<HistoryResponse> page = pending.register("h-2", HistoryRequest.MESSAGES);
        CompletableFuture<HistoryResponse> list = pending.register("h-3", HistoryRequest.CONVERSATIONS);

        bobsDevice.dispatch(codec.encode(HistoryResponse.failed(HistoryRequest.MESSAGES, "h-2", ErrorCode.NOT_MEMBER,
                "not a member of g-1", 5)));
        bobsDevice.dispatch(codec.encode(new ErrorReply(ErrorCode.INVALID_ENVELOPE.wireName(), "bad cursor", "h-3",
                Topics.historyRequests(), 6)));

        HistoryRequestException notMember = failure(page);
        assertEquals(java.util.Optional.of(ErrorCode.NOT_MEMBER), notMember.code());
        assertEquals(HistoryRequest.MESSAGES, notMember.op());
        HistoryRequestException malformed = failure(list);
        assertEquals(java.util.Optional.of(ErrorCode.INVALID_ENVELOPE), malformed.code());
        assertEquals(HistoryRequest.CONVERSATIONS, malformed.op());
    }

    private static HistoryRequestException failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, future::get);
        return assertInstanceOf(HistoryRequestException.class, e.getCause());
    }

    @Test
    void anOverflowNoticeTellsTheAppAndStartsACatchUp() {
        bobsDevice.dispatch(codec.encode(new Notice(Notice.QUEUE_OVERFLOW, "phone", "sync", 7)));

        assertEquals(1, overflows.size());
        assertEquals(List.of("overflow"), catchUps);
    }

    @Test
    void aPageComesOldestFirstWithItsCursorsAndWithoutWhatHasDisappeared() {
        FakeArchive archive = new FakeArchive("bob").holding(text("m1", "alice", "bob", START + 1),
                disappearing("gone", "alice", "bob", START - 10_000, 1), text("m2", "bob", "alice", START + 2),
                text("m3", "alice", "bob", START + 3));
        HistoryQuery query = HistoryQueries.of(archive, bob.delivery, Conversation.with("alice")).limit(2);

        HistoryPage newest = query.fetch().join();
        assertEquals(List.of("m2", "m3"), newest.messages().stream().map(m -> m.id()).toList());
        assertTrue(newest.messages().get(0).sentByMe());
        assertTrue(newest.more());
        assertEquals(newest.messages().get(0).cursor(), newest.prev());
        assertEquals(newest.messages().get(1).cursor(), newest.next());

        HistoryPage older = query.before(newest.prev()).fetch().join();
        assertEquals(List.of("m1"), older.messages().stream().map(m -> m.id()).toList());

        HistoryPage none = query.after(newest.next()).fetch().join();
        assertEquals(List.of(), none.messages());
        assertEquals(null, none.prev());
        assertFalse(none.more());
    }

    @Test
    void aQueryHoldsAtMostOneCursorAndAPageSizeTheServerAccepts() {
        FakeArchive archive = new FakeArchive("bob");
        HistoryQuery query = HistoryQueries.of(archive, bob.delivery, Conversation.group("g-1"));
        Cursor cursor = Cursor.parse("5/alice/m1");

        query.before(cursor).after(cursor).fetch().join();

        assertEquals(List.of("messages g-1 after 5/alice/m1"), archive.asked);
        assertThrows(IllegalArgumentException.class, () -> query.limit(0));
        assertThrows(IllegalArgumentException.class, () -> query.limit(HistoryQuery.MAX_LIMIT + 1));
        assertThrows(IllegalArgumentException.class, () -> Cursor.parse("not a cursor"));
        assertEquals("5/alice/m1", Cursor.parse(cursor.toString()).toString());
    }
}
