package io.mqchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mqchat.extension.testing.PerClassBroker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A device that is offline gets everything it missed when it comes back, even across a broker restart. */
class OfflineDeliveryTest {

    private static final int COUNT = 200;

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();


    @Test
    void anOfflineDeviceGetsEveryQueuedMessageOnceAndInOrderAfterABrokerRestart() {
        // Bob's device has been online once, so the broker keeps a session for it.
        TestDevice.online(broker.get(), "bob", "phone").close();

        List<String> sentIds = new ArrayList<>();
        try (TestDevice alice = TestDevice.online(broker.get(), "alice", "phone")) {
            List<CompletableFuture<SentMessage>> sending = new ArrayList<>();
            for (int i = 0; i < COUNT; i++) {
                sending.add(alice.client.send("bob", "message " + i));
            }
            for (CompletableFuture<SentMessage> future : sending) {
                sentIds.add(TestDevice.await(future).id());
            }

            broker.restart();

            try (TestDevice bob = TestDevice.online(broker.get(), "bob", "phone")) {
                List<Message> received = bob.messages.next(COUNT);
                assertEquals(sentIds, received.stream().map(Message::id).collect(Collectors.toList()));
                for (int i = 0; i < COUNT; i++) {
                    assertEquals("message " + i, received.get(i).text());
                }
                // Anything delivered twice would reach the listener before a message sent afterwards.
                SentMessage after = alice.send("bob", "after the restart");
                assertEquals(after.id(), bob.messages.next().id());

                // Alice's client found the new broker by itself; receipts may repeat, so count distinct ids.
                Set<String> delivered = new HashSet<>();
                while (!delivered.containsAll(sentIds)) {
                    DeliveryReceipt receipt = alice.delivered.next();
                    assertEquals("bob", receipt.by());
                    assertEquals("phone", receipt.device());
                    delivered.add(receipt.messageId());
                }
            }
        }
    }
}
