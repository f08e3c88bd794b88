package io.mqchat.client;

import static io.mqchat.client.TestDevice.await;
import static io.mqchat.client.TestDevice.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.groups.Group;
import io.mqchat.protocol.ErrorCode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits, deletes for everyone and reactions through the client, with the archive-worker (which checks and applies
 * them) and the group-worker behind the broker.
 */
class MessageChangesTest {

    @TempDir
    static Path folder;

    private static Backend backend;

    @BeforeAll
    static void startBackend() {
        backend = Backend.start(folder).withArchive().withGroups();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    private static TestDevice online(String user, String device) {
        return HistorySyncTest.online(backend, user, device);
    }

    @Test
    void aPeersReactionReachesBothSidesChangesIsRemovedAndHistoryShowsTheLastState() {
        try (TestDevice alice = online("alice1", "phone");
             TestDevice bob = online("bob1", "phone")) {
            SentMessage sent = alice.send("bob1", "lunch?");
            Message received = bob.messages.next();

            await(bob.client.react(received, "👍"));

            MessageChanged mine = bob.changes.next();
            assertTrue(mine.byMe(), "the reacting device hears of its own reaction too");
            MessageChanged seen = alice.changes.next();
            assertEquals(MessageChanged.Kind.REACTED, seen.kind());
            assertEquals(Conversation.with("bob1"), seen.conversation());
            assertEquals(sent.id(), seen.messageId());
            assertEquals("alice1", seen.messageFrom());
            assertEquals("bob1", seen.by());
            assertEquals("👍", seen.emoji());
            assertFalse(seen.byMe());
            assertEquals(mine.id(), seen.id());

            await(bob.client.react(received, "❤️"));
            assertEquals("❤️", alice.changes.next().emoji());
            assertEquals(Map.of("bob1", "❤️"), inHistory(alice, Conversation.with("bob1"), sent.id()).reactions());

            await(bob.client.removeReaction(received));
            assertTrue(alice.changes.next().removesReaction());
            assertEquals(Map.of(), inHistory(bob, Conversation.with("alice1"), sent.id()).reactions());
        }
    }

    @Test
    void anEditReachesThePeerAndHistoryShowsTheNewTextAndWhenItWasEdited() {
        try (TestDevice alice = online("alice2", "phone");
             TestDevice bob = online("bob2", "phone")) {
            SentMessage sent = alice.send("bob2", "see you at 8");
            bob.messages.next();

            await(alice.client.edit(sent, "see you at 9"));

            MessageChanged edit = bob.changes.next();
            assertEquals(MessageChanged.Kind.EDITED, edit.kind());
            assertEquals(sent.id(), edit.messageId());
            assertEquals("alice2", edit.messageFrom());
            assertEquals("alice2", edit.by());
            assertEquals("see you at 9", edit.text());
            assertEquals(Conversation.with("alice2"), edit.conversation());
            assertTrue(alice.changes.next().byMe());
            Message archived = inHistory(bob, Conversation.with("alice2"), sent.id());
            assertEquals("see you at 9", archived.text());
            assertTrue(archived.edited().isPresent());
            assertFalse(archived.deleted());
        }
    }

    @Test
    void aDeleteForEveryoneReachesThePeerAndHistoryKeepsATombstone() {
        try (TestDevice alice = online("alice3", "phone");
             TestDevice bob = online("bob3", "phone")) {
            SentMessage sent = alice.send("bob3", "wrong chat, sorry");
            Message received = bob.messages.next();
            await(bob.client.react(received, "😂"));
            bob.changes.next();
            alice.changes.next();

            await(alice.client.deleteForEveryone(sent));

            MessageChanged delete = bob.changes.next();
            assertEquals(MessageChanged.Kind.DELETED, delete.kind());
            assertEquals(sent.id(), delete.messageId());
            assertEquals("alice3", delete.by());
            assertNull(delete.text());
            Message tombstone = inHistory(bob, Conversation.with("alice3"), sent.id());
            assertTrue(tombstone.deleted());
            assertNull(tombstone.text());
            assertEquals(Map.of(), tombstone.reactions());
        }
    }

    @Test
    void changesTheServerRefusesFailWithItsReason() {
        try (TestDevice alice = online("alice4", "phone");
             TestDevice bob = online("bob4", "phone")) {
            alice.send("bob4", "mine");
            Message received = bob.messages.next();

            SendRejectedException notHis = assertInstanceOf(SendRejectedException.class,
                    failureOf(bob.client.edit(received, "now it's mine")));
            assertEquals(Optional.of(ErrorCode.NOT_ALLOWED), notHis.code(), "refused without asking the server");

            // An edit names a message of the editing user: bob has no message with alice's id.
            SentMessage notSent = new SentMessage(received.id(), "alice4", "mine", Instant.now(),
                    Conversation.with("alice4"));
            SendRejectedException unknown = assertInstanceOf(SendRejectedException.class,
                    failureOf(bob.client.edit(notSent, "now it's mine")));
            assertEquals(Optional.of(ErrorCode.NOT_FOUND), unknown.code());
            ServerError reported = bob.errors.next();
            assertEquals(unknown.messageId(), reported.ref(), "the error listener hears of it too");

            Message neverSent = new Message("no-such-message", "alice4", "bob4", "?", Instant.now(), false,
                    Conversation.with("alice4"));
            SendRejectedException nothingThere = assertInstanceOf(SendRejectedException.class,
                    failureOf(bob.client.react(neverSent, "👍")));
            assertEquals(Optional.of(ErrorCode.NOT_FOUND), nothingThere.code());
        }
    }

    @Test
    void everyGroupMemberSeesAReactionAndAnAdminsDeleteOfAMembersMessage() {
        try (TestDevice alice = online("alice5", "phone");
             TestDevice bob = online("bob5", "phone");
             TestDevice carol = online("carol5", "phone")) {
            Group group = await(alice.client.groups().create("Trip", "bob5", "carol5"));
            Conversation trip = Conversation.group(group.id());
            SentMessage question = await(alice.client.send(trip, "who's in?"));
            bob.messages.next();
            Message atCarol = carol.messages.next();

            await(carol.client.react(atCarol, "🎉"));

            for (TestDevice member : List.of(alice, bob, carol)) {
                MessageChanged reaction = member.changes.next();
                assertEquals(MessageChanged.Kind.REACTED, reaction.kind());
                assertEquals(trip, reaction.conversation());
                assertEquals(question.id(), reaction.messageId());
                assertEquals("carol5", reaction.by());
                assertEquals("🎉", reaction.emoji());
                assertEquals(member == carol, reaction.byMe());
            }

            SendRejectedException notAdmin = assertInstanceOf(SendRejectedException.class,
                    failureOf(carol.client.deleteForEveryone(atCarol)));
            assertEquals(Optional.of(ErrorCode.NOT_ALLOWED), notAdmin.code());

            SentMessage oops = await(bob.client.send(trip, "oops"));
            Message atAlice = alice.messages.next();
            carol.messages.next();
            await(alice.client.deleteForEveryone(atAlice));
            for (TestDevice member : List.of(alice, bob, carol)) {
                MessageChanged delete = member.changes.next();
                assertEquals(MessageChanged.Kind.DELETED, delete.kind());
                assertEquals(oops.id(), delete.messageId());
                assertEquals("bob5", delete.messageFrom());
                assertEquals("alice5", delete.by());
            }
        }
    }

    @Test
    void anOfflineDeviceGetsTheMessageThenItsEditWhenItComesBack() {
        // Bob's tablet has been online once, so the broker keeps a session (and a queue) for it.
        online("bob6", "tablet").close();
        try (TestDevice alice = online("alice6", "phone");
             TestDevice bobPhone = online("bob6", "phone")) {
            SentMessage sent = alice.send("bob6", "draft");
            bobPhone.messages.next();
            await(alice.client.edit(sent, "final"));
            assertEquals("final", bobPhone.changes.next().text());

            Recorder<Object> arrivals = new Recorder<>("bob6's tablet's messages and changes");
            try (TestDevice tablet = TestDevice.online(backend.broker(), "bob6", "tablet",
                    builder -> builder.catchUp(true).onMessage(arrivals::accept).onChange(arrivals::accept))) {
                Message message = assertInstanceOf(Message.class, arrivals.next());
                assertEquals(sent.id(), message.id());
                MessageChanged edit = assertInstanceOf(MessageChanged.class, arrivals.next());
                assertEquals(MessageChanged.Kind.EDITED, edit.kind());
                assertEquals(sent.id(), edit.messageId());
                assertEquals("final", edit.text());
            }
        }
    }

    /** The message {@code id} as {@code reader}'s history of the conversation has it now. */
    private static Message inHistory(TestDevice reader, Conversation conversation, String id) {
        return await(reader.client.history(conversation).fetch()).messages().stream()
                .filter(message -> message.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("history has no message " + id));
    }
}
