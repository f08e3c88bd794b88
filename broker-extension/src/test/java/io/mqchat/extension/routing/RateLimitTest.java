package io.mqchat.extension.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void aFloodBeyondTheLimitCostsOneNoticeOnTheFloodingDeviceAndNothingInTheUsersOtherSessions() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (TestBroker broker = TestBroker.start(config -> config.withRateLimit(new RateLimit(0.001, 3)))) {
            MqttDevice.v5(broker, "mallory", "tablet").close(); // a persistent session, offline
            try (MqttDevice phone = MqttDevice.v5(broker, "mallory", "phone")) {
                for (int i = 0; i < 3; i++) {
                    phone.publish(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"body\":\"spam\"}");
                }
                for (int i = 0; i < 200; i++) {
                    assertEquals(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED,
                            phone.publish(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"body\":\"spam\"}"));
                }
                assertEquals("rate_limited", json.readTree(phone.next(Topics.errors("mallory")).payload()).get("code")
                        .asText());
                assertTrue(phone.poll(Topics.errors("mallory"), 1000).isEmpty(), "one notice for the whole flood");
            }
            try (MqttDevice bob = MqttDevice.v5(broker, "bob", "phone")) {
                bob.publish(Topics.send("mallory"), "{\"v\":1,\"type\":\"text\",\"id\":\"marker\",\"body\":\"hi\"}");
            }
            try (MqttDevice tablet = MqttDevice.v5(broker, "mallory", "tablet")) {
                // Queued in order: errors queued for the tablet during the flood would have come before this
                // (after the copies of the three messages mallory sent from the phone).
                while (!"marker".equals(json.readTree(tablet.next(Topics.inbox("mallory")).payload()).get("id").asText())) {
                    continue;
                }
                assertTrue(tablet.poll(Topics.errors("mallory"), 500).isEmpty(),
                        "the user's other session got none of the flood's errors");
            }
        }
    }

    @Test
    void aFloodOfInvalidRequestsGetsAFewErrorMessagesAndAnErrorPubackForEach() throws Exception {
        try (TestBroker broker = TestBroker.start();
             MqttDevice oscar = MqttDevice.v5(broker, "oscar", "phone")) {
            for (int i = 0; i < 150; i++) {
                assertEquals(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID, oscar.publish(Topics.send("bob"), "not json"));
            }
            int errors = 0;
            while (oscar.poll(Topics.errors("oscar"), 1000).isPresent()) {
                errors++;
            }
            assertTrue(errors > 0 && errors <= 30, "error messages for 150 invalid requests: " + errors);
        }
    }

    @Test
    void groupMessagesPastTheirOwnLimitAreRefusedAtTheDoorWhileOneToOneChatGoesOn() {
        try (TestBroker broker = TestBroker.start(config -> config.withGroupRateLimit(new RateLimit(0.001, 3)));
             MqttDevice alice = MqttDevice.v5(broker, "alice", "phone")) {
            for (int i = 0; i < 3; i++) {
                // No group-worker here: taken, but nobody reads the group feed (NO_MATCHING_SUBSCRIBERS).
                assertFalse(alice.publish(Topics.sendToGroup("g-trip"),
                        "{\"v\":1,\"type\":\"text\",\"id\":\"g" + i + "\",\"body\":\"hi all\"}").isError());
            }
            // Refused before it is SENT: the sender knows to send it again, unlike a message dropped after SENT.
            assertEquals(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED, alice.publish(Topics.sendToGroup("g-trip"),
                    "{\"v\":1,\"type\":\"text\",\"id\":\"g3\",\"body\":\"hi all\"}"));
            assertFalse(alice.publish(Topics.send("bob"),
                    "{\"v\":1,\"type\":\"text\",\"id\":\"d1\",\"body\":\"hi\"}").isError());
        }
    }
}
