package io.mqchat.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.Conversation;
import io.mqchat.client.DeliveryReceipt;
import io.mqchat.client.Message;
import io.mqchat.client.ReadReceipt;
import io.mqchat.client.ServerError;
import io.mqchat.client.groups.Group;
import io.mqchat.client.groups.GroupEvent;
import io.mqchat.client.groups.GroupMessageStatus;
import io.mqchat.client.groups.GroupRequestException;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.ErrorReply;
import io.mqchat.protocol.GroupInfo;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** What alice's device makes of group traffic: messages, receipts, answers to requests, events. */
class GroupDispatchTest {

    private static final GroupInfo TRIP = new GroupInfo("g-1", "Trip", List.of("alice"),
            List.of("alice", "bob", "carol"), 1_000L);

    private final Codec codec = new Codec();
    private final List<Message> messages = new ArrayList<>();
    private final List<DeliveryReceipt> delivered = new ArrayList<>();
    private final List<ReadReceipt> reads = new ArrayList<>();
    private final List<ServerError> errors = new ArrayList<>();
    private final List<GroupEvent> events = new ArrayList<>();
    private final List<GroupMessageStatus> statuses = new ArrayList<>();
    private final GroupState groups = new GroupState(new GroupDirectory("alice"),
            PendingRequests.groups(Duration.ofMinutes(1)), new GroupReceiptTracker("alice", 100, statuses::add));
    private final InboundDispatcher alicesDevice = new InboundDispatcher("alice", codec, new Deduplicator(100),
            Listeners.none().withMessages(messages::add).withDelivered(delivered::add).withRead(reads::add)
                    .withErrors(errors::add).withGroupEvents(events::add).withGroupMessageStatus(statuses::add),
            Clock.systemUTC(), new PresenceBook(state -> { }, null), groups);

    private byte[] groupMessage(String id, String from, String body) {
        return codec.encode(ChatMessage.text(id, body).stampedForGroup(id, from, "g-1", 2_000L));
    }

    @Test
    void aGroupMessageDeliveredTwiceReachesTheListenerOnceAndNamesItsGroup() {
        alicesDevice.dispatch(groupMessage("m1", "bob", "hi all"));
        alicesDevice.dispatch(groupMessage("m1", "bob", "hi all"));

        assertEquals(1, messages.size());
        Message message = messages.get(0);
        assertEquals(Conversation.group("g-1"), message.conversation());
        assertEquals(Optional.of("g-1"), message.group());
        assertEquals("bob", message.from());
        assertFalse(message.sentByMe());
    }

    @Test
    void groupReceiptsNameTheGroupAndTheMember() {
        alicesDevice.dispatch(codec.encode(Receipt.deliveredInGroup("m2", "bob", "g-1", "phone", 5)));
        alicesDevice.dispatch(codec.encode(Receipt.readInGroup("m2", "carol", "g-1", 6)));

        assertEquals(new DeliveryReceipt("m2", "bob", "phone", Instant.ofEpochMilli(5), Conversation.group("g-1")),
                delivered.get(0));
        ReadReceipt read = reads.get(0);
        assertEquals(Optional.of("g-1"), read.group());
        assertEquals("carol", read.by());
        assertEquals("m2", read.upToMessageId());
        assertFalse(read.byMe());
    }

    @Test
    void aResponseCompletesTheRequestWithTheSameRefAndTeachesTheDirectory() throws Exception {
        CompletableFuture<Response> answer = groups.pending().register("r1", "create");

        alicesDevice.dispatch(codec.encode(Response.ok("create", "r1", TRIP, 7)));

        assertEquals(TRIP, answer.get().group());
        assertEquals(List.of("alice", "bob", "carol"), groups.directory().find("g-1").orElseThrow().members());
    }

    @Test
    void aRefusalFailsTheRequestWithTheServersCode() {
        CompletableFuture<Response> answer = groups.pending().register("r2", "add");

        alicesDevice.dispatch(codec.encode(Response.failed("add", "r2", ErrorCode.NOT_ADMIN, "only admins", 8)));

        GroupRequestException refused = assertInstanceOf(GroupRequestException.class, failureOf(answer));
        assertEquals(Optional.of(ErrorCode.NOT_ADMIN), refused.code());
        assertEquals("add", refused.op());
        assertEquals("only admins", refused.detail());
    }

    @Test
    void aResponseForAnotherDevicesRequestLeavesThisDevicesRequestWaiting() {
        CompletableFuture<Response> answer = groups.pending().register("mine", "info");

        alicesDevice.dispatch(codec.encode(Response.ok("info", "someone-elses", TRIP, 9)));

        assertFalse(answer.isDone());
        assertTrue(groups.directory().find("g-1").isPresent(), "the directory learns from every answer");
    }

    @Test
    void aMalformedRequestRefusedOnTheErrorsTopicFailsTheOnlyPendingRequest() {
        CompletableFuture<Response> answer = groups.pending().register("r3", "rename");

        alicesDevice.dispatch(codec.encode(new ErrorReply("invalid_envelope", "op 'rename' needs a 'name'", null,
                "req/groups", 10)));

        GroupRequestException refused = assertInstanceOf(GroupRequestException.class, failureOf(answer));
        assertEquals(Optional.of(ErrorCode.INVALID_ENVELOPE), refused.code());
        assertEquals("req/groups", errors.get(0).topic());
    }

    @Test
    void aRefusalWithoutRefIsNotGuessedWhenSeveralRequestsWait() {
        CompletableFuture<Response> first = groups.pending().register("r4", "info");
        CompletableFuture<Response> second = groups.pending().register("r5", "info");

        alicesDevice.dispatch(codec.encode(new ErrorReply("rate_limited", "slow down", null, "req/groups", 11)));

        assertFalse(first.isDone());
        assertFalse(second.isDone());
    }

    @Test
    void groupEventsReachTheListenerOnceAndKeepTheMembersUpToDate() {
        alicesDevice.dispatch(codec.encode(Response.ok("info", null, TRIP, 12)));
        byte[] added = codec.encode(new io.mqchat.protocol.GroupEvent("e1", "g-1", "added", "alice",
                List.of("dave"), "Trip", 13));

        alicesDevice.dispatch(added);
        alicesDevice.dispatch(added);
        alicesDevice.dispatch(codec.encode(new io.mqchat.protocol.GroupEvent("e2", "g-1", "left", "bob",
                List.of("bob"), "Trip", 14)));
        alicesDevice.dispatch(codec.encode(new io.mqchat.protocol.GroupEvent("e3", "g-1", "renamed", "alice",
                null, "Holiday", 15)));

        assertEquals(List.of(GroupEvent.Kind.ADDED, GroupEvent.Kind.LEFT, GroupEvent.Kind.RENAMED),
                events.stream().map(GroupEvent::kind).toList());
        assertEquals(List.of("dave"), events.get(0).members());
        Group now = groups.directory().find("g-1").orElseThrow();
        assertEquals(List.of("alice", "carol", "dave"), now.members());
        assertEquals("Holiday", now.name());
    }

    @Test
    void anAdditionAnnouncedAgainAfterTheMemberWasRemovedDoesNotBringTheMemberBack() {
        alicesDevice.dispatch(codec.encode(Response.ok("info", null, TRIP, 12)));
        // This device missed the first announcement of carol's addition at 13; her removal at 20 arrives, then the
        // server announces the addition again (a worker handled the request twice), with its first time.
        alicesDevice.dispatch(codec.encode(new io.mqchat.protocol.GroupEvent("e5", "g-1", "removed", "alice",
                List.of("carol"), "Trip", 20)));
        alicesDevice.dispatch(codec.encode(new io.mqchat.protocol.GroupEvent("e6", "g-1", "added", "alice",
                List.of("carol", "dave"), "Trip", 13)));

        assertEquals(List.of("alice", "bob", "dave"), groups.directory().find("g-1").orElseThrow().members());
        assertEquals(List.of(List.of("carol"), List.of("dave")), events.stream().map(GroupEvent::members).toList());
    }

    @Test
    void beingRemovedFromAGroupForgetsIt() {
        alicesDevice.dispatch(codec.encode(Response.ok("info", null, TRIP, 16)));

        alicesDevice.dispatch(codec.encode(new io.mqchat.protocol.GroupEvent("e4", "g-1", "removed", "bob",
                List.of("alice"), "Trip", 17)));

        assertEquals(Optional.empty(), groups.directory().find("g-1"));
        assertEquals(GroupEvent.Kind.REMOVED, events.get(0).kind());
    }

    @Test
    void receiptsOfASentGroupMessageAddUpToDeliveredToAllAndReadByAll() {
        groups.tracker().sent("m5", "g-1", TRIP.members());

        alicesDevice.dispatch(codec.encode(Receipt.deliveredInGroup("m5", "bob", "g-1", "phone", 18)));
        alicesDevice.dispatch(codec.encode(Receipt.deliveredInGroup("m5", "bob", "g-1", "laptop", 19)));
        alicesDevice.dispatch(codec.encode(Receipt.deliveredInGroup("m5", "carol", "g-1", "phone", 20)));
        alicesDevice.dispatch(codec.encode(Receipt.readInGroup("m5", "bob", "g-1", 21)));
        alicesDevice.dispatch(codec.encode(Receipt.readInGroup("m5", "carol", "g-1", 22)));

        assertEquals(4, statuses.size(), "one status per change; bob's second device changes nothing");
        assertFalse(statuses.get(0).deliveredToAll());
        assertTrue(statuses.get(1).deliveredToAll());
        assertFalse(statuses.get(2).readByAll());
        GroupMessageStatus last = statuses.get(3);
        assertTrue(last.readByAll());
        assertEquals(Set.of("bob", "carol"), last.recipients());
        assertEquals(last, groups.tracker().status("m5").orElseThrow());
    }

    @Test
    void notMemberForASentMessageReachesTheErrorListenerAndStopsItsTracking() {
        groups.tracker().sent("m6", "g-9", List.of());

        alicesDevice.dispatch(codec.encode(new ErrorReply("not_member", "alice is not a member of g-9", "m6",
                "send/g/g-9", 23)));

        assertEquals(Optional.of(ErrorCode.NOT_MEMBER), errors.get(0).code());
        assertEquals("m6", errors.get(0).ref());
        assertEquals(Optional.empty(), groups.tracker().status("m6"));
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("completed normally");
    }
}
