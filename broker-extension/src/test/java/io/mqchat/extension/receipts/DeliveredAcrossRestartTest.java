package io.mqchat.extension.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.TestBroker;
import io.mqchat.protocol.Topics;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A message written to a device but not yet acknowledged when the broker stops is re-sent after the restart
 * with the same packet id, and its PUBACK then still becomes the DELIVERED receipt.
 */
class DeliveredAcrossRestartTest {

    private static final ObjectMapper json = new ObjectMapper();

    @Test
    void anInFlightMessageAcknowledgedAfterARestartStillYieldsItsDeliveredReceipt() throws Exception {
        TestBroker broker = TestBroker.start();
        try {
            BlockingQueue<Mqtt5Publish> beforeStop = new LinkedBlockingQueue<>();
            Mqtt5AsyncClient bob = ManualAckPhone.connect(broker, beforeStop);
            try (MqttDevice alice = MqttDevice.v5(broker, "alice", "phone")) {
                alice.publish(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"id\":\"r1\",\"body\":\"hold on\"}");
                Mqtt5Publish unacknowledged = beforeStop.poll(20, TimeUnit.SECONDS);
                assertTrue(unacknowledged != null && !unacknowledged.getTopic().toString().isEmpty());
                assertTrue(alice.poll(Topics.receipts("alice"), 1000).isEmpty(), "no PUBACK yet, so no DELIVERED");
            }

            broker = broker.restart();
            try (MqttDevice alice = MqttDevice.v5(broker, "alice", "phone")) {
                BlockingQueue<Mqtt5Publish> afterRestart = new LinkedBlockingQueue<>();
                bob = ManualAckPhone.connect(broker, afterRestart);
                Mqtt5Publish resent = afterRestart.poll(20, TimeUnit.SECONDS);
                assertTrue(resent != null, "the broker re-sends the unacknowledged message");
                assertEquals("r1", json.readTree(resent.getPayloadAsBytes()).get("id").asText());
                resent.acknowledge();

                JsonNode delivered = json.readTree(alice.next(Topics.receipts("alice")).payload());
                assertEquals("delivered", delivered.get("type").asText());
                assertEquals("r1", delivered.get("id").asText());
                assertEquals("phone", delivered.get("device").asText());
                bob.disconnect().join();
            }
        } finally {
            broker.close();
        }
    }
}
