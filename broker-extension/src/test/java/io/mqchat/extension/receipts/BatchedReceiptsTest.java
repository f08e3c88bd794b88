package io.mqchat.extension.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A burst of deliveries (a device coming back to a full queue) yields a DELIVERED receipt for every message, and the
 * sender gets them in far fewer publishes than messages: receipts that pile up while one is stored share the next.
 */
class BatchedReceiptsTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();

    private static final int MESSAGES = 200;

    private final Codec codec = new Codec();

    @Test
    void aDeviceDrainingItsQueueSendsEveryReceiptInBatches() throws Exception {
        MqttDevice.v5(broker.get(), "bob", "phone").close();
        Set<String> sent = new HashSet<>();
        try (MqttDevice alice = MqttDevice.v5(broker.get(), "alice", "phone")) {
            for (int i = 0; i < MESSAGES; i++) {
                String id = "burst-" + i;
                alice.publish(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"id\":\"" + id + "\",\"body\":\"hi\"}");
                sent.add(id);
            }
            try (MqttDevice bob = MqttDevice.v5(broker.get(), "bob", "phone")) {
                List<String> delivered = new ArrayList<>();
                int publishes = 0;
                while (delivered.size() < MESSAGES) {
                    byte[] payload = alice.next(Topics.receipts("alice")).payload().getBytes(StandardCharsets.UTF_8);
                    publishes++;
                    for (Envelope item : codec.decodeAll(payload)) {
                        Receipt receipt = (Receipt) item;
                        assertTrue(receipt.isDelivered());
                        assertEquals("bob", receipt.by());
                        assertEquals("phone", receipt.device());
                        assertTrue(sent.contains(receipt.id()), "a receipt for a message never sent: " + receipt.id());
                        delivered.add(receipt.id());
                    }
                }
                assertEquals(sent, new HashSet<>(delivered));
                assertEquals(MESSAGES, delivered.size(), "a receipt came twice: " + delivered);
                assertTrue(publishes < MESSAGES,
                        MESSAGES + " receipts came in " + publishes + " publishes: the burst was not batched");
            }
        }
    }
}
