package io.mqchat.client;

import static io.mqchat.client.TestDevice.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.groups.Group;
import io.mqchat.client.groups.GroupEvent;
import io.mqchat.client.groups.GroupMessageStatus;
import io.mqchat.client.groups.GroupRequestException;
import io.mqchat.client.typing.TypingSignal;
import io.mqchat.protocol.ErrorCode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three users in a group, through the client, with the group-worker behind the broker. */
class GroupChatTest {

    @TempDir
    static Path folder;

    private static Backend backend;

    @BeforeAll
    static void startBackend() {
        backend = Backend.start(folder).withGroups();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Test
    void everyMemberGetsAGroupMessageOnceAndTheSenderSeesItDeliveredToAllThenReadByAll() {
        Recorder<GroupMessageStatus> statuses = new Recorder<>("alice1's group message statuses");
        try (TestDevice alice = TestDevice.online(backend.broker(), "alice1", "phone",
                     builder -> builder.onGroupMessageStatus(statuses));
             TestDevice bob = TestDevice.online(backend.broker(), "bob1", "phone");
             TestDevice carol = TestDevice.online(backend.broker(), "carol1", "phone")) {

            Group trip = TestDevice.await(alice.client.groups().create("Trip", "bob1", "carol1"));
            assertEquals(Set.of("alice1", "bob1", "carol1"), Set.copyOf(trip.members()));
            assertEquals(List.of("alice1"), trip.admins());
            Conversation group = Conversation.group(trip.id());

            SentMessage sent = TestDevice.await(alice.client.send(group, "Hi all"));
            assertEquals(group, sent.conversation());

            for (TestDevice member : List.of(bob, carol)) {
                Message received = member.messages.next();
                assertEquals(sent.id(), received.id());
                assertEquals("alice1", received.from());
                assertEquals(group, received.conversation());
                assertEquals("Hi all", received.text());
            }

            Set<String> deliveredTo = new HashSet<>();
            while (!deliveredTo.containsAll(Set.of("bob1", "carol1"))) {
                DeliveryReceipt receipt = alice.delivered.next();
                assertEquals(sent.id(), receipt.messageId());
                assertEquals(Optional.of(trip.id()), receipt.group());
                deliveredTo.add(receipt.by());
            }
            awaitStatus(statuses, GroupMessageStatus::deliveredToAll);
            assertFalse(alice.client.groupMessageStatus(sent.id()).orElseThrow().readByAll());

            TestDevice.await(bob.client.markRead(group, sent.id()));
            TestDevice.await(carol.client.markRead(group, sent.id()));

            Set<String> readBy = new HashSet<>();
            while (!readBy.containsAll(Set.of("bob1", "carol1"))) {
                ReadReceipt receipt = alice.reads.next();
                assertEquals(group, receipt.conversation());
                assertEquals(sent.id(), receipt.upToMessageId());
                readBy.add(receipt.by());
            }
            GroupMessageStatus all = awaitStatus(statuses, GroupMessageStatus::readByAll);
            assertEquals(sent.id(), all.messageId());
            assertEquals(Set.of("bob1", "carol1"), all.recipients());

            // Had a member got the message twice, the copy would reach it before this one.
            SentMessage next = TestDevice.await(alice.client.sendToGroup(trip.id(), "second"));
            assertEquals(next.id(), bob.messages.next().id());
            assertEquals(next.id(), carol.messages.next().id());
        }
    }

    @Test
    void aReplyInAGroupReachesEveryMemberWithItsQuoteAndAMentionWithWhomItMentions() {
        try (TestDevice alice = TestDevice.online(backend.broker(), "alice20", "phone");
             TestDevice bob = TestDevice.online(backend.broker(), "bob20", "phone");
             TestDevice carol = TestDevice.online(backend.broker(), "carol20", "phone")) {
            Group trip = TestDevice.await(alice.client.groups().create("Trip", "bob20", "carol20"));
            TestDevice.await(alice.client.sendToGroup(trip.id(), "who drives?", List.of("bob20")));
            Message question = bob.messages.next();
            assertEquals(List.of("bob20"), question.mentions());
            assertEquals(List.of("bob20"), carol.messages.next().mentions());

            SentMessage answer = TestDevice.await(bob.client.reply(question, "I do"));

            for (TestDevice member : List.of(alice, carol)) {
                Message reply = member.messages.next();
                assertEquals(answer.id(), reply.id());
                assertEquals(Conversation.group(trip.id()), reply.conversation());
                assertEquals(new Quote(question.id(), "alice20", "who drives?", false), reply.quote());
            }
        }
    }

    @Test
    void aDeviceThatDidNotKnowTheMembersAsksForThemAndStillSeesDeliveredToAll() {
        Recorder<GroupMessageStatus> statuses = new Recorder<>("alice6's laptop's group message statuses");
        try (TestDevice alicePhone = TestDevice.online(backend.broker(), "alice6", "phone");
             TestDevice bob = TestDevice.online(backend.broker(), "bob6", "phone")) {
            Group group = TestDevice.await(alicePhone.client.groups().create("Later", "bob6"));
            try (TestDevice aliceLaptop = TestDevice.online(backend.broker(), "alice6", "laptop",
                    builder -> builder.onGroupMessageStatus(statuses))) {
                assertEquals(Optional.empty(), aliceLaptop.client.groups().known(group.id()));

                SentMessage sent = TestDevice.await(aliceLaptop.client.sendToGroup(group.id(), "from the laptop"));

                assertEquals(sent.id(), bob.messages.next().id());
                GroupMessageStatus delivered = awaitStatus(statuses, GroupMessageStatus::deliveredToAll);
                assertEquals(Set.of("bob6"), delivered.recipients());
            }
        }
    }

    @Test
    void membersSeeTheGroupsChangesAsEventsAndTheAdminsAnswersCarryTheGroup() {
        Recorder<GroupEvent> bobSees = new Recorder<>("bob2's group events");
        try (TestDevice alice = TestDevice.online(backend.broker(), "alice2", "phone");
             TestDevice bob = TestDevice.online(backend.broker(), "bob2", "phone",
                     builder -> builder.onGroupEvent(bobSees))) {
            Group group = TestDevice.await(alice.client.groups().create("Book club", "bob2"));
            GroupEvent created = bobSees.next();
            assertEquals(GroupEvent.Kind.CREATED, created.kind());
            assertEquals(group.id(), created.group());
            assertEquals("alice2", created.by());

            Group added = TestDevice.await(alice.client.groups().add(group.id(), "carol2"));
            assertTrue(added.hasMember("carol2"));
            GroupEvent addedEvent = bobSees.next();
            assertEquals(GroupEvent.Kind.ADDED, addedEvent.kind());
            assertEquals(List.of("carol2"), addedEvent.members());

            Group renamed = TestDevice.await(alice.client.groups().rename(group.id(), "Reading club"));
            assertEquals("Reading club", renamed.name());
            assertEquals(GroupEvent.Kind.RENAMED, bobSees.next().kind());
            assertEquals("Reading club", bob.client.groups().known(group.id()).orElseThrow().name(),
                    "members' clients keep the group up to date from the events");

            assertEquals(Set.of("alice2", "bob2", "carol2"),
                    Set.copyOf(TestDevice.await(bob.client.groups().info(group.id())).members()));
            assertTrue(TestDevice.await(bob.client.groups().mine()).stream().anyMatch(g -> g.id().equals(group.id())));

            TestDevice.await(bob.client.groups().leave(group.id()));
            assertEquals(Optional.empty(), bob.client.groups().known(group.id()));
            assertEquals(Set.of("alice2", "carol2"),
                    Set.copyOf(TestDevice.await(alice.client.groups().info(group.id())).members()));
        }
    }

    @Test
    void aRefusedRequestFailsWithTheServersCode() {
        try (TestDevice alice = TestDevice.online(backend.broker(), "alice3", "phone");
             TestDevice bob = TestDevice.online(backend.broker(), "bob3", "phone")) {
            Group group = TestDevice.await(alice.client.groups().create("Admins only", "bob3"));

            GroupRequestException notAdmin = assertInstanceOf(GroupRequestException.class,
                    failureOf(bob.client.groups().add(group.id(), "mallory3")));
            assertEquals(Optional.of(ErrorCode.NOT_ADMIN), notAdmin.code());

            GroupRequestException unknown = assertInstanceOf(GroupRequestException.class,
                    failureOf(alice.client.groups().info("g-does-not-exist")));
            assertEquals(Optional.of(ErrorCode.UNKNOWN_GROUP), unknown.code());
        }
    }

    @Test
    void aNonMembersMessageIsSentButThenReportedAsNotMember() {
        try (TestDevice alice = TestDevice.online(backend.broker(), "alice4", "phone");
             TestDevice mallory = TestDevice.online(backend.broker(), "mallory4", "phone")) {
            Group group = TestDevice.await(alice.client.groups().create("Private"));

            SentMessage sent = TestDevice.await(mallory.client.sendToGroup(group.id(), "let me in"));

            ServerError error = mallory.errors.next();
            assertEquals(Optional.of(ErrorCode.NOT_MEMBER), error.code());
            assertEquals(sent.id(), error.ref());
        }
    }

    @Test
    void membersSeeEachOthersTypingInTheGroup() {
        Recorder<TypingSignal> bobSees = new Recorder<>("bob5's typing signals");
        try (TestDevice alice = TestDevice.online(backend.broker(), "alice5", "phone");
             TestDevice bob = TestDevice.online(backend.broker(), "bob5", "phone", builder -> builder.onTyping(bobSees))) {
            Group group = TestDevice.await(alice.client.groups().create("Chatty", "bob5"));
            TestDevice.await(alice.client.typing(Conversation.group(group.id())));

            TypingSignal signal = bobSees.next();

            assertEquals(Conversation.group(group.id()), signal.conversation());
            assertEquals("alice5", signal.from());
        }
    }

    private static GroupMessageStatus awaitStatus(Recorder<GroupMessageStatus> statuses,
                                                  Predicate<GroupMessageStatus> wanted) {
        while (true) {
            GroupMessageStatus status = statuses.next();
            if (wanted.test(status)) {
                return status;
            }
        }
    }
}
