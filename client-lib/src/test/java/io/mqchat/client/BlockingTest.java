package io.mqchat.client;

import static io.mqchat.client.TestDevice.await;
import static io.mqchat.client.TestDevice.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mqchat.protocol.ErrorCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocking from the library: one device blocks, every device of the user knows it, the blocked user's messages are
 * SENT but reach none of them, the blocker cannot write to it, and an unblock lets new messages through.
 */
class BlockingTest {

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

    private static TestDevice online(String user, String device) {
        return TestDevice.online(backend.broker(), user, device, builder -> builder.catchUp(true));
    }

    /** Waits (bounded) until {@code device} has learnt whom its user blocks; a test's wait, not a timing. */
    private static void awaitBlocked(TestDevice device, List<String> blocked) throws InterruptedException {
        for (int i = 0; i < 200 && !device.client.blockedUsers().equals(blocked); i++) {
            Thread.sleep(50);
        }
        assertEquals(blocked, device.client.blockedUsers(), device.client + " learnt whom its user blocks");
    }

    @Test
    void aBlockedUsersMessagesAreSentButReachNoDeviceOfTheBlockerUntilItUnblocks() throws Exception {
        try (TestDevice alicePhone = online("alice12", "phone");
             TestDevice aliceLaptop = online("alice12", "laptop");
             TestDevice mallory = online("mallory12", "phone")) {
            assertEquals(List.of("mallory12"), await(alicePhone.client.block("mallory12")));
            awaitBlocked(aliceLaptop, List.of("mallory12"));

            mallory.send("alice12", "let me in"); // completes: SENT
            SendRejectedException refused = assertInstanceOf(SendRejectedException.class,
                    failureOf(alicePhone.client.send("mallory12", "go away")));
            assertEquals(Optional.of(ErrorCode.BLOCKED), refused.code());
            assertThrows(IllegalArgumentException.class, () -> alicePhone.client.block("not/a user"));

            assertEquals(List.of(), await(aliceLaptop.client.unblock("mallory12")));
            awaitBlocked(alicePhone, List.of());
            SentMessage after = mallory.send("alice12", "sorry");
            // Had the first message come through, it would come first.
            assertEquals(after.id(), alicePhone.messages.next().id());
            assertEquals(after.id(), aliceLaptop.messages.next().id());
            assertEquals(after.id(), mallory.delivered.next().messageId(), "the first DELIVERED is the new one's");
        }
    }
}
