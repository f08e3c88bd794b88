package io.mqchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.history.ConversationInfo;
import io.mqchat.client.history.HistoryPage;
import io.mqchat.client.history.HistoryQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History sync through the client, with the archive-worker behind the broker: catch-up on a user's first device,
 * paging, the conversation list.
 */
class HistorySyncTest {

    @TempDir
    static Path folder;

    private static Backend backend;

    @BeforeAll
    static void startBackend() {
        backend = Backend.start(folder).withArchive();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    /** A connected device that catches up, as apps' devices do. */
    static TestDevice online(Backend backend, String user, String device) {
        return TestDevice.online(backend.broker(), user, device, builder -> builder.catchUp(true));
    }

    private static TestDevice online(String user, String device) {
        return online(backend, user, device);
    }

    /** Sends {@code count} numbered texts and returns their ids in sending order. */
    static List<String> sendNumbered(TestDevice from, String to, int count) {
        List<CompletableFuture<SentMessage>> sending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sending.add(from.client.send(to, "message " + i));
        }
        return sending.stream().map(f -> TestDevice.await(f).id()).toList();
    }

    @Test
    void aUsersFirstDeviceGetsWhatWasSentBeforeItEverConnected() {
        try (TestDevice alice = online("alice2", "phone")) {
            List<String> sent = sendNumbered(alice, "bob2", 3);
            awaitArchived(alice, Conversation.with("bob2"), sent.get(2));

            try (TestDevice bob = online("bob2", "phone")) {
                List<Message> received = bob.messages.next(3);

                assertEquals(sent, received.stream().map(Message::id).toList());
                assertEquals(Message.Origin.CATCH_UP, received.get(0).origin());
                assertEquals(Conversation.with("alice2"), received.get(0).conversation());
            }
        }
    }

    @Test
    void aReplyReachesThePeerWithItsQuoteAndHistoryKeepsTheQuote() {
        try (TestDevice alice = online("alice20", "phone");
             TestDevice bob = online("bob20", "phone")) {
            SentMessage question = alice.send("bob20", "dinner at 8?");
            Message received = bob.messages.next();

            SentMessage answer = TestDevice.await(bob.client.reply(received, "yes!"));

            Message reply = alice.messages.next();
            assertEquals(answer.id(), reply.id());
            assertEquals(new Quote(question.id(), "alice20", "dinner at 8?", false), reply.quote());
            awaitArchived(alice, Conversation.with("bob20"), answer.id());
            try (TestDevice tablet = TestDevice.online(backend.broker(), "alice20", "tablet")) {
                List<Message> page = TestDevice.await(tablet.client.history(Conversation.with("bob20")).fetch())
                        .messages();
                assertEquals(reply.quote(), page.get(page.size() - 1).quote(), "the quote, from the archive");
                assertNull(page.get(0).quote());
            }
        }
    }

    @Test
    void aNewDevicePagesThroughAConversationsHistoryOldestFirst() {
        try (TestDevice alice = online("alice3", "phone")) {
            List<String> sent = sendNumbered(alice, "bob3", 120);
            awaitArchived(alice, Conversation.with("bob3"), sent.get(119));

            try (TestDevice tablet = TestDevice.online(backend.broker(), "bob3", "tablet")) {
                HistoryQuery query = tablet.client.history(Conversation.with("alice3")).limit(50);
                List<String> pagedIds = new ArrayList<>();
                HistoryPage page = TestDevice.await(query.fetch());
                List<HistoryPage> pages = new ArrayList<>(List.of(page));
                while (page.more()) {
                    page = TestDevice.await(query.before(page.prev()).fetch());
                    pages.add(0, page);
                }
                pages.forEach(p -> p.messages().forEach(m -> pagedIds.add(m.id())));

                assertEquals(sent, pagedIds);
                assertEquals(List.of(20, 50, 50), pages.stream().map(p -> p.messages().size()).toList());
                Message first = pages.get(0).messages().get(0);
                assertEquals("message 0", first.text());
                assertEquals(Message.Origin.HISTORY, first.origin());
                assertEquals(first.cursor(), pages.get(0).prev());
            }
        }
    }

    @Test
    void theConversationListShowsTheLastMessageAndTheUnreadCount() {
        try (TestDevice alice = online("alice4", "phone");
             TestDevice bob = online("bob4", "phone")) {
            List<String> sent = sendNumbered(alice, "bob4", 3);
            bob.messages.next(3);
            TestDevice.await(bob.client.markRead("alice4", sent.get(0)));

            ConversationInfo withAlice = awaitConversation(bob, Conversation.with("alice4"),
                    info -> info.unread() == 2 && info.readUpTo() != null);

            assertEquals(sent.get(2), withAlice.lastMessage().id());
            assertEquals("message 2", withAlice.lastMessage().text());
            assertEquals(java.time.Duration.ZERO, withAlice.disappearing());
            ConversationInfo withBob = awaitConversation(alice, Conversation.with("bob4"), info -> info.unread() == 0
                    && info.peerReadUpTo() != null);
            assertEquals(sent.get(2), withBob.lastMessage().id());
            assertTrue(withBob.lastMessage().sentByMe());
        }
    }

    /** Waits until the archive holds {@code lastId} as the conversation's newest message (it archives beside delivery). */
    static void awaitArchived(TestDevice reader, Conversation conversation, String lastId) {
        long deadline = System.nanoTime() + Recorder.PATIENCE_SECONDS * 1_000_000_000L;
        while (true) {
            HistoryPage newest = TestDevice.await(reader.client.history(conversation).limit(1).fetch());
            if (!newest.messages().isEmpty() && newest.messages().get(0).id().equals(lastId)) {
                return;
            }
            pause(deadline, "the archive never got " + lastId);
        }
    }

    /** Waits until the conversation list shows {@code conversation} as {@code wanted}. */
    static ConversationInfo awaitConversation(TestDevice device, Conversation conversation,
                                              Predicate<ConversationInfo> wanted) {
        long deadline = System.nanoTime() + Recorder.PATIENCE_SECONDS * 1_000_000_000L;
        while (true) {
            Optional<ConversationInfo> info = TestDevice.await(device.client.conversations()).stream()
                    .filter(c -> c.conversation().equals(conversation)).findFirst();
            if (info.isPresent() && wanted.test(info.get())) {
                return info.get();
            }
            pause(deadline, "the conversation list never showed what was expected: " + info);
        }
    }

    private static void pause(long deadline, String failure) {
        assertFalse(System.nanoTime() > deadline, failure);
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
