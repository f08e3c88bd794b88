package io.mqchat.extension.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every class of malformed request gets an error reply, and nobody else notices. */
class BadInputTest {

    private static final ObjectMapper json = new ObjectMapper();
    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();

    private record Case(String topic, String payload, String code, Mqtt5PubAckReasonCode ack) {
    }

    private static final List<Case> CASES = List.of(
            new Case(Topics.send("bob"), "this is not json", "invalid_json", Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID),
            new Case(Topics.send("bob"), "[\"an\",\"array\"]", "invalid_json", Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID),
            new Case(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"id\":\"shape-1\"}", "invalid_envelope",
                    Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID),
            new Case(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"body\":42}", "invalid_envelope",
                    Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID),
            // Mentions are for group messages: in a 1-1 conversation they would mean nothing.
            new Case(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"body\":\"@bob\",\"mentions\":[\"bob\"]}",
                    "invalid_envelope", Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID),
            new Case(Topics.send("bob"), "{\"v\":7,\"type\":\"text\",\"body\":\"x\"}", "unsupported_version",
                    Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID),
            new Case(Topics.send("bob"), "{\"v\":1,\"type\":\"hologram\",\"body\":\"x\"}", "unknown_type",
                    Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID),
            new Case(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"id\":\"big-1\",\"body\":\"" + "x".repeat(70_000) + "\"}",
                    "too_large", Mqtt5PubAckReasonCode.QUOTA_EXCEEDED),
            new Case("send/u/bob/extra", "{\"v\":1,\"type\":\"text\",\"body\":\"x\"}", "invalid_recipient",
                    Mqtt5PubAckReasonCode.TOPIC_NAME_INVALID),
            new Case("send/u/$bob", "{\"v\":1,\"type\":\"text\",\"body\":\"x\"}", "invalid_recipient",
                    Mqtt5PubAckReasonCode.TOPIC_NAME_INVALID),
            new Case(Topics.read("bob"), "{\"v\":1}", "invalid_envelope", Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID),
            // Only its sender edits a message; a reaction must name whose message it is about.
            new Case(Topics.send("bob"), "{\"v\":1,\"type\":\"edit\",\"id\":\"e-1\",\"target\":{\"id\":\"m1\",\"from\":"
                    + "\"bob\"},\"body\":\"x\"}", "not_allowed", Mqtt5PubAckReasonCode.NOT_AUTHORIZED),
            new Case(Topics.send("bob"), "{\"v\":1,\"type\":\"reaction\",\"target\":{\"id\":\"m1\"},\"emoji\":\"x\"}",
                    "invalid_envelope", Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID));


    @Test
    void eachMalformedRequestGetsAnErrorReplyWhileOthersKeepChatting() throws Exception {
        try (MqttDevice mqtt5 = MqttDevice.v5(broker.get(), "alice", "phone");
             MqttDevice mqtt311 = MqttDevice.v3(broker.get(), "olga", "phone");
             MqttDevice bob = MqttDevice.v5(broker.get(), "bob", "phone");
             MqttDevice carol = MqttDevice.v5(broker.get(), "carol", "phone")) {
            int n = 0;
            for (Case c : CASES) {
                assertEquals(c.ack(), mqtt5.publish(c.topic(), c.payload()), c.topic() + " " + c.code());
                JsonNode error = json.readTree(mqtt5.next(Topics.errors("alice")).payload());
                assertEquals("error", error.get("type").asText());
                assertEquals(c.code(), error.get("code").asText());
                assertEquals(c.topic(), error.get("topic").asText());
                assertTrue(error.get("message").asText().length() > 0);
                if (c.payload().contains("\"id\":\"big-1\"")) {
                    assertEquals("big-1", error.get("ref").asText(), "even an oversized message is named");
                }

                assertEquals(Mqtt5PubAckReasonCode.SUCCESS, mqtt311.publish(c.topic(), c.payload()));
                assertEquals(c.code(), json.readTree(mqtt311.next(Topics.errors("olga")).payload()).get("code").asText());
                assertTrue(mqtt311.isConnected(), "an MQTT 3.1.1 client is answered, not disconnected");

                carol.publish(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"id\":\"c-" + n + "\",\"body\":\"still here\"}");
                assertEquals("c-" + n++, json.readTree(bob.next(Topics.inbox("bob")).payload()).get("id").asText());
            }
            assertTrue(mqtt5.isConnected());
            assertTrue(bob.poll(Topics.inbox("bob"), 500).isEmpty(), "no refused message reached bob");
        }
    }

    @Test
    void aChatMessageAtQos0IsAnsweredWithQosRequiredAndNotRouted() throws Exception {
        try (MqttDevice alice = MqttDevice.v5(broker.get(), "alice", "watch");
             MqttDevice bob = MqttDevice.v5(broker.get(), "bob", "watch")) {
            alice.publishAtMostOnce(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"id\":\"q0\",\"body\":\"x\"}");
            JsonNode error = json.readTree(alice.next(Topics.errors("alice")).payload());
            assertEquals("qos_required", error.get("code").asText());
            assertEquals("q0", error.get("ref").asText());
            assertTrue(bob.poll(Topics.inbox("bob"), 500).isEmpty());

            alice.publishAtMostOnce(Topics.read("bob"), "{\"v\":1,\"upTo\":\"m1\"}");
            assertEquals("qos_required", json.readTree(alice.next(Topics.errors("alice")).payload()).get("code").asText());
        }
    }

    @Test
    void anErrorReplyNamesTheRefusedMessage() throws Exception {
        try (MqttDevice alice = MqttDevice.v5(broker.get(), "alice", "tablet")) {
            alice.publish(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"id\":\"shape-2\"}");
            assertEquals("shape-2", json.readTree(alice.next(Topics.errors("alice")).payload()).get("ref").asText());
        }
    }
}
