package io.mqchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.archive.settings.ArchiveSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A device whose offline queue overflowed gets what the queue dropped from the archive, by itself. */
class QueueOverflowCatchUpTest {

    /** Small enough that a few messages overflow a device's queue. */
    private static final int QUEUE_LIMIT = 5;
    /** Small enough that the archive cuts a list of a few conversations with long last messages into parts. */
    private static final int PAGE_MAX_BYTES = 4096;
    /** About a fifth of {@link #PAGE_MAX_BYTES}: a few conversations that end with it fill one part of the list. */
    private static final String LONG_TEXT = "a rather long message ".repeat(36);

    @TempDir
    static Path folder;

    private static Backend backend;

    @BeforeAll
    static void startBackend() {
        backend = Backend.start(folder, config -> config.withQueueLimit(QUEUE_LIMIT))
                .withArchive(ArchiveSettings.defaults().withPageMaxBytes(PAGE_MAX_BYTES));
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Test
    void aDeviceWhoseQueueOverflowedEndsWithEveryMessageOnceAndInOrder() {
        try (TestDevice alice = HistorySyncTest.online(backend, "alice", "phone");
             TestDevice bob = HistorySyncTest.online(backend, "bob", "phone")) {
            TestDevice.await(bob.client.disconnect());

            // One at a time: queue.limit also bounds the shared queue the archive-worker reads the feed from (a
            // burst beyond it would be dropped before the archive got it), and this test is about the device's queue.
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 4 * QUEUE_LIMIT; i++) {
                sent.add(alice.send("bob", "message " + i).id());
                HistorySyncTest.awaitArchived(alice, Conversation.with("bob"), sent.get(i));
            }
            TestDevice.await(bob.client.connect());

            List<Message> received = bob.messages.next(sent.size());
            assertEquals(sent, received.stream().map(Message::id).toList(), "every message, in sending order");
            // No overflow notice to wait for: the notice is queued too, and the overflow it reports can drop it.
            assertTrue(received.stream().anyMatch(m -> m.origin() == Message.Origin.CATCH_UP),
                    "what the queue dropped came from the archive");

            // Anything handed over twice would reach the listener before a message sent afterwards.
            SentMessage after = alice.send("bob", "after the catch-up");
            assertEquals(after.id(), bob.messages.next().id());
        }
    }

    @Test
    void aDeviceAwayWhileManyConversationsGotMessagesEndsWithEachOfThemOnce() {
        try (TestDevice bob = HistorySyncTest.online(backend, "bob-away", "phone")) {
            TestDevice.await(bob.client.disconnect());

            // More conversations than one part of the archive's list and the queue hold together.
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 4 * QUEUE_LIMIT; i++) {
                try (TestDevice friend = TestDevice.online(backend.broker(), "friend" + i, "phone")) {
                    sent.add(friend.send("bob-away", LONG_TEXT + i).id());
                    HistorySyncTest.awaitArchived(friend, Conversation.with("bob-away"), sent.get(i));
                }
            }
            TestDevice.await(bob.client.connect());

            List<String> received = bob.messages.next(sent.size()).stream().map(Message::id).toList();
            assertEquals(Set.copyOf(sent), Set.copyOf(received), "one message from each conversation");

            // Anything handed over twice would reach the listener before a message sent afterwards.
            try (TestDevice friend = TestDevice.online(backend.broker(), "friend0", "phone")) {
                SentMessage after = friend.send("bob-away", "after the catch-up");
                assertEquals(after.id(), bob.messages.next().id());
            }
        }
    }
}
