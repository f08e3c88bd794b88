package io.mqchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.groups.Group;
import io.mqchat.client.history.HistoryPage;
import io.mqchat.extension.config.DisappearingTimers;
import io.mqchat.protocol.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Disappearing messages through the client, with the archive and group workers behind the broker. */
class DisappearingMessagesTest {

    /** Short enough to wait for, long enough for a message to reach an online device first. */
    private static final Duration SHORT = Duration.ofSeconds(3);

    @TempDir
    static Path folder;

    private static Backend backend;

    @BeforeAll
    static void startBackend() {
        backend = Backend.start(folder, config -> config.withDisappearingTimers(
                DisappearingTimers.of(List.of(SHORT, Duration.ofDays(1))))).withGroups().withArchive();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    private static TestDevice online(String user, String device, Recorder<ExpiredMessage> expired) {
        return TestDevice.online(backend.broker(), user, device, builder -> builder.catchUp(true).onExpired(expired));
    }

    @Test
    void anOfflineRecipientThatReconnectsAfterTheTimerGetsNothingSentWhileItWasOn() {
        Recorder<ExpiredMessage> aliceSees = new Recorder<>("alice1's expired messages");
        Conversation withBob = Conversation.with("bob1");
        try (TestDevice alice = online("alice1", "phone", aliceSees);
             TestDevice bob = online("bob1", "phone", new Recorder<>("bob1's expired messages"))) {
            TestDevice.await(bob.client.disconnect());

            SentMessage before = alice.send("bob1", "sent before the timer");
            SentMessage on = TestDevice.await(alice.client.setDisappearing(withBob, SHORT));
            assertEquals(SHORT, alice.client.disappearing(withBob));
            SentMessage secret = alice.send("bob1", "disappears");
            SentMessage off = TestDevice.await(alice.client.setDisappearing(withBob, Duration.ZERO));
            SentMessage after = alice.send("bob1", "sent after the timer");
            assertNull(before.expiresAt());
            assertNotNull(secret.expiresAt(), "sent while the timer was on, it carries it");
            assertNull(after.expiresAt());

            ExpiredMessage expired = aliceSees.next();
            assertEquals(secret.id(), expired.id());
            assertEquals(withBob, expired.conversation());
            awaitGoneFromArchive(alice, withBob, secret.id());
            TestDevice.await(bob.client.connect());

            List<Message> received = bob.messages.next(4);
            assertEquals(List.of(before.id(), on.id(), off.id(), after.id()),
                    received.stream().map(Message::id).toList(), "everything but the message that disappeared");
            assertEquals(SHORT, received.get(1).timer());
            assertEquals(Duration.ZERO, received.get(2).timer());
            assertEquals("sent before the timer", received.get(0).text());
            assertNull(received.get(0).expiresAt(), "a message sent before the timer is unaffected");
            assertEquals(Duration.ZERO, bob.client.disappearing(Conversation.with("alice1")));
            SentMessage sentinel = alice.send("bob1", "nothing came in between");
            assertEquals(sentinel.id(), bob.messages.next().id());
        }
    }

    @Test
    void everyDeviceInTheConversationLearnsTheTimerAndTheRecipientIsToldWhenAMessageExpires() {
        Recorder<ExpiredMessage> phoneSees = new Recorder<>("bob2's phone's expired messages");
        Conversation withAlice = Conversation.with("alice2");
        try (TestDevice alice = online("alice2", "phone", new Recorder<>("alice2's expired messages"));
             TestDevice bobPhone = online("bob2", "phone", phoneSees);
             TestDevice bobLaptop = online("bob2", "laptop", new Recorder<>("bob2's laptop's expired messages"))) {

            SentMessage on = TestDevice.await(bobLaptop.client.setDisappearing(withAlice, SHORT));

            Message copy = bobPhone.messages.next();
            assertEquals(on.id(), copy.id());
            assertTrue(copy.isTimerChange() && copy.sentByMe());
            assertEquals(SHORT, bobPhone.client.disappearing(withAlice), "learned from its own user's other device");
            assertEquals(on.id(), alice.messages.next().id());
            assertEquals(SHORT, alice.client.disappearing(Conversation.with("bob2")), "learned from the peer");

            SentMessage vanishing = alice.send("bob2", "read me quickly");
            Message received = bobPhone.messages.next();
            assertEquals(vanishing.id(), received.id());
            assertEquals(received.sentAt().plus(SHORT), received.expiresAt());
            SentMessage reply = bobPhone.send("alice2", "done");
            assertNotNull(reply.expiresAt(), "the phone stamps the timer it learned on what it sends");
            assertEquals(reply.id(), alice.messages.next().id());

            ExpiredMessage expired = phoneSees.next();
            assertEquals(vanishing.id(), expired.id());
            assertEquals(received.expiresAt(), expired.expiredAt());
            assertEquals(reply.id(), phoneSees.next().id(), "its own reply disappears from the phone too");
            assertEquals(SHORT, HistorySyncTest.awaitConversation(bobPhone, withAlice,
                    info -> info.disappearing().equals(SHORT)).disappearing());
        }
    }

    @Test
    void aGroupsTimerAppliesToWhatEveryMemberSendsAfterIt() {
        try (TestDevice alice = online("alice3", "phone", new Recorder<>("alice3's expired messages"));
             TestDevice bob = online("bob3", "phone", new Recorder<>("bob3's expired messages"))) {
            Group group = TestDevice.await(alice.client.groups().create("Short-lived", "bob3"));
            Conversation trip = Conversation.group(group.id());
            SentMessage on = TestDevice.await(alice.client.setDisappearing(trip, SHORT));
            assertEquals(on.id(), bob.messages.next().id());

            SentMessage fromBob = TestDevice.await(bob.client.send(trip, "see you soon"));

            assertNotNull(fromBob.expiresAt());
            Message received = alice.messages.next();
            assertEquals(fromBob.id(), received.id());
            assertEquals(received.sentAt().plus(SHORT), received.expiresAt());
        }
    }

    @Test
    void aTimerTheServerDoesNotOfferIsRefusedAndTheConversationKeepsItsTimer() {
        try (TestDevice alice = online("alice4", "phone", new Recorder<>("alice4's expired messages"))) {
            Conversation withBob = Conversation.with("bob4");

            SendRejectedException refused = assertInstanceOf(SendRejectedException.class,
                    TestDevice.failureOf(alice.client.setDisappearing(withBob, Duration.ofMinutes(5))));

            assertEquals(Optional.of(ErrorCode.INVALID_ENVELOPE), refused.code());
            assertEquals(Duration.ZERO, alice.client.disappearing(withBob));
            assertNull(alice.send("bob4", "still permanent").expiresAt());
        }
    }

    /** Waits until the archive no longer hands out message {@code id} of the conversation. */
    private static void awaitGoneFromArchive(TestDevice reader, Conversation conversation, String id) {
        long deadline = System.nanoTime() + Recorder.PATIENCE_SECONDS * 1_000_000_000L;
        while (true) {
            HistoryPage newest = TestDevice.await(reader.client.history(conversation).fetch());
            if (newest.messages().stream().noneMatch(m -> m.id().equals(id))) {
                return;
            }
            assertFalse(System.nanoTime() > deadline, "the archive still hands out " + id);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
