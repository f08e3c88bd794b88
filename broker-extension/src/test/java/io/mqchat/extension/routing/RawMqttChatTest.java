package io.mqchat.extension.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Chat between plain MQTT clients that know only docs/PROTOCOL.md: no client library involved. */
class RawMqttChatTest {

    private static final ObjectMapper json = new ObjectMapper();
    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();


    private static JsonNode parse(MqttDevice.Received r) throws Exception {
        return json.readTree(r.payload());
    }

    @Test
    void mqtt311AndMqtt5ClientsChatWithDeliveredAndReadReceipts() throws Exception {
        try (MqttDevice carol = MqttDevice.v3(broker.get(), "carol", "old-phone");
             MqttDevice dan = MqttDevice.v5(broker.get(), "dan", "laptop")) {
            assertEquals(Mqtt5PubAckReasonCode.SUCCESS,
                    dan.publish(Topics.send("carol"), "{\"v\":1,\"type\":\"text\",\"id\":\"d-1\",\"body\":\"hello carol\"}"));

            JsonNode atCarol = parse(carol.next(Topics.inbox("carol")));
            assertEquals("dan", atCarol.get("from").asText());
            assertEquals("carol", atCarol.get("to").asText());
            assertEquals("d-1", atCarol.get("id").asText());
            assertEquals("hello carol", atCarol.get("body").asText());
            assertTrue(atCarol.get("ts").asLong() > 0);

            JsonNode delivered = parse(dan.next(Topics.receipts("dan")));
            assertEquals("delivered", delivered.get("type").asText());
            assertEquals("d-1", delivered.get("id").asText());
            assertEquals("carol", delivered.get("by").asText());
            assertEquals("old-phone", delivered.get("device").asText());

            carol.publish(Topics.send("dan"), "{\"v\":1,\"type\":\"text\",\"body\":\"hi dan\"}");
            JsonNode atDan = parse(dan.next(Topics.inbox("dan")));
            assertEquals("carol", atDan.get("from").asText());
            assertNotNull(atDan.get("id"), "the server stamps an id when the client gave none");

            carol.publish(Topics.read("dan"), "{\"v\":1,\"upTo\":\"d-1\"}");
            JsonNode read = parse(dan.next(Topics.receipts("dan")));
            assertEquals("read", read.get("type").asText());
            assertEquals("d-1", read.get("upTo").asText());
            assertEquals("carol", read.get("by").asText());
            assertTrue(carol.isConnected());
        }
    }

    @Test
    void qos2SubscribersAreHeldAtQos1SoTheyStillProduceDeliveredReceipts() throws Exception {
        com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient gina = com.hivemq.client.mqtt.mqtt5.Mqtt5Client.builder()
                .identifier("gina:phone").serverHost(broker.get().host()).serverPort(broker.get().port()).buildAsync();
        java.util.concurrent.BlockingQueue<com.hivemq.client.mqtt.datatypes.MqttQos> received =
                new java.util.concurrent.LinkedBlockingQueue<>();
        gina.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL, p -> received.add(p.getQos()));
        gina.connectWith().simpleAuth().password(broker.get().token("gina").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .applySimpleAuth().send().join();
        gina.subscribeWith().topicFilter(Topics.userTree("gina")).qos(com.hivemq.client.mqtt.datatypes.MqttQos.EXACTLY_ONCE)
                .send().join();
        try (MqttDevice hank = MqttDevice.v5(broker.get(), "hank", "phone")) {
            hank.publish(Topics.send("gina"), "{\"v\":1,\"type\":\"text\",\"id\":\"h-1\",\"body\":\"exactly?\"}");
            assertEquals(com.hivemq.client.mqtt.datatypes.MqttQos.AT_LEAST_ONCE,
                    received.poll(20, java.util.concurrent.TimeUnit.SECONDS));
            JsonNode delivered = parse(hank.next(Topics.receipts("hank")));
            assertEquals("h-1", delivered.get("id").asText());
            assertEquals("phone", delivered.get("device").asText());
        } finally {
            gina.disconnect().join();
        }
    }

    @Test
    void everyDeviceOfTheRecipientAndTheSendersOtherDevicesGetTheMessage() throws Exception {
        try (MqttDevice erinPhone = MqttDevice.v5(broker.get(), "erin", "phone");
             MqttDevice erinTablet = MqttDevice.v5(broker.get(), "erin", "tablet");
             MqttDevice frankPhone = MqttDevice.v5(broker.get(), "frank", "phone");
             MqttDevice frankDesk = MqttDevice.v5(broker.get(), "frank", "desk")) {
            erinPhone.publish(Topics.send("frank"), "{\"v\":1,\"type\":\"text\",\"id\":\"e-1\",\"body\":\"both?\"}");

            assertEquals("e-1", parse(frankPhone.next(Topics.inbox("frank"))).get("id").asText());
            assertEquals("e-1", parse(frankDesk.next(Topics.inbox("frank"))).get("id").asText());
            JsonNode copy = parse(erinTablet.next(Topics.inbox("erin")));
            assertEquals("e-1", copy.get("id").asText());
            assertEquals("erin", copy.get("from").asText());
            assertFalse(erinPhone.poll(Topics.inbox("erin"), 1000).isPresent(), "the sending device gets no copy of its own message");

            // Two receipts acknowledged at nearly the same moment may share one publish, as a batch.
            java.util.List<JsonNode> receipts = new java.util.ArrayList<>();
            while (receipts.size() < 2) {
                JsonNode next = parse(erinPhone.next(Topics.receipts("erin")));
                if ("batch".equals(next.get("type").asText())) {
                    next.get("items").forEach(receipts::add);
                } else {
                    receipts.add(next);
                }
            }
            assertEquals(java.util.Set.of("phone", "desk"),
                    java.util.Set.of(receipts.get(0).get("device").asText(), receipts.get(1).get("device").asText()));
        }
    }

    /** READ receipts on {@code topic} that arrive within {@code millis}, batched or not. */
    private static java.util.List<JsonNode> readsWithin(MqttDevice device, String topic, long millis) throws Exception {
        java.util.List<JsonNode> reads = new java.util.ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            java.util.Optional<MqttDevice.Received> next = device.poll(topic, deadline - System.currentTimeMillis());
            if (next.isEmpty()) {
                break;
            }
            JsonNode receipt = parse(next.get());
            for (JsonNode item : "batch".equals(receipt.get("type").asText()) ? receipt.get("items")
                    : json.createArrayNode().add(receipt)) {
                if ("read".equals(item.get("type").asText())) {
                    reads.add(item);
                }
            }
        }
        return reads;
    }

    @Test
    void aReaderWithReadReceiptsOffSyncsItsOwnDevicesButTellsTheSenderNothing() throws Exception {
        try (MqttDevice gina = MqttDevice.v5(broker.get(), "gina", "phone");
             MqttDevice hankPhone = MqttDevice.v5(broker.get(), "hank", "phone");
             MqttDevice hankTablet = MqttDevice.v3(broker.get(), "hank", "tablet")) {
            gina.publish(Topics.send("hank"), "{\"v\":1,\"type\":\"text\",\"id\":\"g-1\",\"body\":\"seen it?\"}");
            hankPhone.next(Topics.inbox("hank"));

            assertEquals(Mqtt5PubAckReasonCode.SUCCESS,
                    hankPhone.publish(Topics.read("gina"), "{\"v\":1,\"upTo\":\"g-1\",\"shared\":false}"));
            JsonNode synced = parse(hankTablet.next(Topics.receipts("hank")));
            assertEquals("g-1", synced.get("upTo").asText());
            assertEquals("gina", synced.get("peer").asText());
            assertFalse(synced.get("shared").asBoolean(), "the other device learns it was read privately");
            assertEquals(java.util.List.of(), readsWithin(gina, Topics.receipts("gina"), 1500), "no READ for gina");
            assertFalse(hankPhone.poll(Topics.receipts("hank"), 500).isPresent(), "nor back to the reading device");

            hankPhone.publish(Topics.read("gina"), "{\"v\":1,\"upTo\":\"g-1\"}");
            assertEquals("hank", readsWithin(gina, Topics.receipts("gina"), 5000).get(0).get("by").asText(),
                    "a shared marker tells her");
        }
    }
}
