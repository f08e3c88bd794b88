package io.mqchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read receipts off, as WhatsApp has it: the setting holds on all of a user's devices, its reads reach only its own
 * devices, and it sees no one's READ; turned on again, both flow.
 */
class ReadReceiptsPrivacyTest {

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

    /** Waits (bounded) until {@code device} has learnt the setting; a test's wait, not a timing. */
    private static void awaitSetting(TestDevice device, boolean shared) throws InterruptedException {
        for (int i = 0; i < 200 && device.client.sharesReadReceipts() != shared; i++) {
            Thread.sleep(50);
        }
        assertEquals(shared, device.client.sharesReadReceipts(), device.client + " learnt the setting");
    }

    @Test
    void aUserWithReadReceiptsOffNeitherSendsNorSeesReadOnAnyOfItsDevices() throws Exception {
        try (TestDevice alice = online("alice9", "phone");
             TestDevice bobPhone = online("bob9", "phone");
             TestDevice bobLaptop = online("bob9", "laptop")) {
            assertTrue(bobPhone.client.sharesReadReceipts(), "on until turned off");
            TestDevice.await(bobPhone.client.setReadReceipts(false));
            assertFalse(bobPhone.client.sharesReadReceipts());
            awaitSetting(bobLaptop, false);

            SentMessage hello = alice.send("bob9", "hello");
            bobLaptop.messages.next();
            TestDevice.await(bobLaptop.client.markRead("alice9", hello.id()));
            assertTrue(bobPhone.reads.next().byMe(), "bob's phone learns what his laptop read");
            SentMessage back = bobPhone.send("alice9", "hi");
            alice.messages.next();
            TestDevice.await(alice.client.markRead("bob9", back.id()));

            try (TestDevice bobTablet = online("bob9", "tablet")) {
                awaitSetting(bobTablet, false);
                SentMessage later = alice.send("bob9", "still there?");
                while (!bobTablet.messages.next().id().equals(later.id())) {
                    // what the new device caught up from history comes first
                }
                TestDevice.await(bobTablet.client.markRead("alice9", later.id()));
                assertTrue(bobPhone.reads.next().byMe());
            }
            TestDevice.await(bobLaptop.client.setReadReceipts(true));
            awaitSetting(bobPhone, true);
            SentMessage again = alice.send("bob9", "and now?");
            bobPhone.messages.next();
            TestDevice.await(bobPhone.client.markRead("alice9", again.id()));
            // Had a READ of the reads made while off come through, it would come first.
            assertEquals(again.id(), alice.reads.next().upToMessageId(), "on again, alice sees bob's read, only that");
            SentMessage reply = bobPhone.send("alice9", "yes");
            alice.messages.next();
            TestDevice.await(alice.client.markRead("bob9", reply.id()));
            ReadReceipt seen = bobLaptop.reads.next();
            while (seen.byMe()) {
                seen = bobLaptop.reads.next(); // his own devices' reads, which always sync
            }
            assertEquals(reply.id(), seen.upToMessageId(), "and bob sees alice's read again, and not the old one");
        }
    }
}
