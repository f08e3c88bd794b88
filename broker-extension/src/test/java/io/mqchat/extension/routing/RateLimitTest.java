package io.mqchat.extension.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.mqchat.extension.limits.RateLimit;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.TestBroker;
import io.mqchat.protocol.Topics;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void aUserSendingFasterThanItsLimitIsAnsweredWithRateLimitedWhileOthersGoOn() throws Exception {
        ObjectMapper json = new ObjectMapper();
        // A refill so slow that it never matters during the test: the burst alone decides.
        try (TestBroker broker = TestBroker.start(config -> config.withRateLimit(new RateLimit(0.001, 3)));
             MqttDevice mallory = MqttDevice.v5(broker, "mallory", "phone");
             MqttDevice carol = MqttDevice.v5(broker, "carol", "phone");
             MqttDevice bob = MqttDevice.v5(broker, "bob", "phone")) {
            for (int i = 0; i < 3; i++) {
                assertEquals(Mqtt5PubAckReasonCode.SUCCESS,
                        mallory.publish(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"body\":\"spam\"}"));
            }
            assertEquals(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED,
                    mallory.publish(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"id\":\"s4\",\"body\":\"spam\"}"));
            assertEquals("rate_limited", json.readTree(mallory.next(Topics.errors("mallory")).payload()).get("code").asText());
            assertTrue(mallory.isConnected());

            assertEquals(Mqtt5PubAckReasonCode.SUCCESS,
                    carol.publish(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"id\":\"c1\",\"body\":\"hi\"}"));
            for (int i = 0; i < 3; i++) {
                assertEquals("mallory", json.readTree(bob.next(Topics.inbox("bob")).payload()).get("from").asText());
            }
            assertEquals("c1", json.readTree(bob.next(Topics.inbox("bob")).payload()).get("id").asText());
        }
    }
}
