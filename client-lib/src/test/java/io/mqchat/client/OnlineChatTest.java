package io.mqchat.client;

import static io.mqchat.client.TestDevice.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Users who are online chat: messages, SENT/DELIVERED/READ, several devices, refusals. */
class OnlineChatTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();


    @Test
    void aTextReachesTheRecipientAndTheSenderSeesSentThenDeliveredThenRead() {
        try (TestDevice alice = TestDevice.online(broker.get(), "alice1", "phone");
             TestDevice bob = TestDevice.online(broker.get(), "bob1", "phone")) {

            SentMessage sent = alice.send("bob1", "hello Bob");

            Message received = bob.messages.next();
            assertEquals(sent.id(), received.id());
            assertEquals("alice1", received.from());
            assertEquals("bob1", received.to());
            assertEquals("hello Bob", received.text());
            assertFalse(received.sentByMe());
            assertEquals("alice1", received.peer());

            DeliveryReceipt delivered = alice.delivered.next();
            assertEquals(sent.id(), delivered.messageId());
            assertEquals("bob1", delivered.by());
            assertEquals("phone", delivered.device());

            TestDevice.await(bob.client.markRead("alice1", received.id()));

            ReadReceipt read = alice.reads.next();
            assertEquals(sent.id(), read.upToMessageId());
            assertEquals("bob1", read.by());
            assertEquals("bob1", read.peer());
            assertFalse(read.byMe());
        }
    }

    @Test
    void sentIsReportedInTheOrderTheMessagesWereSent() {
        try (TestDevice alice = TestDevice.online(broker.get(), "alice7", "phone");
             TestDevice bob = TestDevice.online(broker.get(), "bob7", "phone")) {
            Recorder<String> ticks = new Recorder<>("the app's SENT ticks");
            List<String> inSendingOrder = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                inSendingOrder.add("m" + i);
                alice.client.send("bob7", "m" + i).whenComplete((message, failure) ->
                        ticks.accept(failure == null ? message.text() : "not sent: " + failure));
            }
            // Waits on the ticks, not on the futures: a thread waiting on a future may run its callback itself,
            // beside the handing thread's later ones, and the test would measure that race instead of the library.
            List<String> ticked = ticks.next(300);

            assertEquals(inSendingOrder, ticked, "the app's SENT ticks, in the order they came");
        }
    }

    @Test
    void deliveredIsReportedOnlyAfterTheRecipientsListenerReturned() {
        Recorder<String> aliceSees = new Recorder<>("alice's messages and receipts, in arrival order");
        AtomicReference<MqchatClient> bobsClient = new AtomicReference<>();
        ExecutorService bobsListenerThread = Executors.newSingleThreadExecutor();
        try (TestDevice alice = TestDevice.online(broker.get(), "alice6", "phone", builder -> builder
                     .onMessage(message -> aliceSees.accept("message " + message.text()))
                     .onDelivered(receipt -> aliceSees.accept("delivered " + receipt.messageId())));
             TestDevice bob = TestDevice.online(broker.get(), "bob6", "phone", builder -> builder
                     .listenerExecutor(bobsListenerThread)
                     // Bob's app answers before its listener returns; the answer is SENT (in Alice's queue)
                     // by then, so a DELIVERED produced only after the listener returned must come after it.
                     .onMessage(message -> TestDevice.await(bobsClient.get().send("alice6", "answer"))))) {
            bobsClient.set(bob.client);

            SentMessage sent = alice.send("bob6", "question");

            assertEquals(List.of("message answer", "delivered " + sent.id()), aliceSees.next(2));
        } finally {
            bobsListenerThread.shutdown();
        }
    }

    @Test
    void everyDeviceOfTheRecipientGetsTheMessageAndEachReportsDelivery() {
        try (TestDevice alice = TestDevice.online(broker.get(), "alice2", "phone");
             TestDevice bobPhone = TestDevice.online(broker.get(), "bob2", "phone");
             TestDevice bobLaptop = TestDevice.online(broker.get(), "bob2", "laptop")) {

            SentMessage sent = alice.send("bob2", "to all your devices");

            assertEquals(sent.id(), bobPhone.messages.next().id());
            assertEquals(sent.id(), bobLaptop.messages.next().id());
            Set<String> devices = alice.delivered.next(2).stream()
                    .peek(receipt -> assertEquals(sent.id(), receipt.messageId()))
                    .peek(receipt -> assertEquals("bob2", receipt.by()))
                    .map(DeliveryReceipt::device)
                    .collect(Collectors.toSet());
            assertEquals(Set.of("phone", "laptop"), devices);
        }
    }

    @Test
    void theSendersOtherDeviceGetsACopyButTheSendingDeviceDoesNot() {
        try (TestDevice alicePhone = TestDevice.online(broker.get(), "alice3", "phone");
             TestDevice aliceLaptop = TestDevice.online(broker.get(), "alice3", "laptop");
             TestDevice bob = TestDevice.online(broker.get(), "bob3", "phone")) {

            SentMessage sent = alicePhone.send("bob3", "sent from my phone");

            Message copy = aliceLaptop.messages.next();
            assertEquals(sent.id(), copy.id());
            assertEquals("alice3", copy.from());
            assertEquals("bob3", copy.to());
            assertTrue(copy.sentByMe());
            assertEquals("bob3", copy.peer());

            // Bob answers only after he got the message, so had the phone been sent its own copy, the copy
            // would have reached it before the answer.
            assertEquals(sent.id(), bob.messages.next().id());
            SentMessage answer = bob.send("alice3", "got it");
            Message firstOnPhone = alicePhone.messages.next();
            assertEquals(answer.id(), firstOnPhone.id());
            assertEquals("bob3", firstOnPhone.from());
        }
    }

    @Test
    void sendingToAnInvalidRecipientFailsWithInvalidRecipientAndTheClientKeepsWorking() {
        try (TestDevice alice = TestDevice.online(broker.get(), "alice4", "phone");
             TestDevice bob = TestDevice.online(broker.get(), "bob4", "phone")) {

            Throwable failure = failureOf(alice.client.send("b+b", "hello?"));

            SendRejectedException rejected = assertInstanceOf(SendRejectedException.class, failure);
            assertEquals(Optional.of(ErrorCode.INVALID_RECIPIENT), rejected.code());
            assertNotNull(rejected.messageId());

            SentMessage sent = alice.send("bob4", "but this one works");
            assertEquals(sent.id(), bob.messages.next().id());
        }
    }

    @Test
    void aMessageTheServerRefusesFailsWithTheServersErrorCodeAndTheClientKeepsWorking() {
        try (TestDevice alice = TestDevice.online(broker.get(), "alice5", "phone");
             TestDevice bob = TestDevice.online(broker.get(), "bob5", "phone")) {

            // Larger than the server's message limit (64 KiB by default), yet a valid MQTT packet: only
            // the server can refuse it.
            Throwable failure = failureOf(alice.client.send("bob5", "x".repeat(70_000)));

            SendRejectedException rejected = assertInstanceOf(SendRejectedException.class, failure);
            assertEquals(Optional.of(ErrorCode.TOO_LARGE), rejected.code());
            assertEquals(Optional.of(ErrorCode.TOO_LARGE), alice.errors.next().code());

            SentMessage sent = alice.send("bob5", "a short one");
            assertEquals(sent.id(), bob.messages.next().id());
        }
    }
}
