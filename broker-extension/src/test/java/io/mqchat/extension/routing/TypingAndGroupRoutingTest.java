package io.mqchat.extension.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.GroupRequest;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import io.mqchat.protocol.Typing;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TypingAndGroupRoutingTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();

    private final Codec codec = new Codec();
    private MqttDevice worker;

    @BeforeEach
    void subscribeAsGroupWorker() {
        worker = MqttDevice.service(broker.get(), "svc-groups", "test");
        assertTrue(worker.subscribe(ServiceTopics.lanes(ServiceTopics.GROUP_TRAFFIC)));
        assertTrue(worker.subscribe(ServiceTopics.lanes(ServiceTopics.GROUP_REQUESTS)));
    }

    @AfterEach
    void closeWorker() {
        worker.close();
    }

    @Test
    void typingReachesAnOnlineDeviceStampedWithTheSender() throws Exception {
        try (MqttDevice alice = MqttDevice.v3(broker.get(), "alice1", "phone");
             MqttDevice bob = MqttDevice.v5(broker.get(), "bob1", "phone")) {
            alice.publishAtMostOnce(Topics.typingTo("bob1"), "{\"v\":1,\"state\":\"typing\"}");
            Typing typing = (Typing) codec.decode(bob.next(Topics.typing("bob1")).payload().getBytes());
            assertEquals("alice1", typing.from());
            assertEquals(Typing.TYPING, typing.state());
            assertNull(typing.group());
        }
    }

    @Test
    void typingIsNeverQueuedForAnOfflineDeviceEvenWhenSentAtQos1() {
        MqttDevice bob = MqttDevice.v5(broker.get(), "bob2", "phone");
        bob.close();
        try (MqttDevice alice = MqttDevice.v5(broker.get(), "alice2", "phone")) {
            assertEquals(Mqtt5PubAckReasonCode.SUCCESS, alice.publish(Topics.typingTo("bob2"), "{\"v\":1}"));
            alice.publish(Topics.send("bob2"), "{\"v\":1,\"type\":\"text\",\"id\":\"after-typing\",\"body\":\"hi\"}");
        }
        try (MqttDevice back = MqttDevice.v5(broker.get(), "bob2", "phone")) {
            assertTrue(back.next(Topics.inbox("bob2")).payload().contains("after-typing"));
            assertTrue(back.poll(Topics.typing("bob2"), 500).isEmpty());
        }
    }

    @Test
    void aGroupMessageIsStampedAndHandedToTheGroupWorkerBeforeTheSenderSeesSent() throws Exception {
        try (MqttDevice alice = MqttDevice.v5(broker.get(), "alice3", "phone")) {
            assertEquals(Mqtt5PubAckReasonCode.SUCCESS, alice.publish(Topics.sendToGroup("g-trip"),
                    "{\"v\":1,\"type\":\"text\",\"id\":\"gm-1\",\"from\":\"mallory\",\"body\":\"hello all\"}"));
            String lane = ServiceTopics.laneFor(ServiceTopics.GROUP_TRAFFIC, "g-trip");
            ChatMessage message = (ChatMessage) codec.decode(worker.next(lane).payload().getBytes());
            assertEquals("alice3", message.from());
            assertEquals("g-trip", message.group());
            assertEquals("gm-1", message.id());
            assertNull(message.to());

            alice.publish(Topics.readInGroup("g-trip"), "{\"v\":1,\"upTo\":\"gm-0\"}");
            Receipt read = (Receipt) codec.decode(worker.next(lane).payload().getBytes());
            assertEquals(Receipt.readInGroup("gm-0", "alice3", "g-trip", read.ts()), read);

            alice.publishAtMostOnce(Topics.typingInGroup("g-trip"), "{\"v\":1,\"state\":\"paused\"}");
            Typing typing = (Typing) codec.decode(worker.next(lane).payload().getBytes());
            assertEquals(new Typing("alice3", "g-trip", Typing.PAUSED, typing.ts()), typing);
        }
    }

    @Test
    void aGroupRequestIsStampedAndKeepsAResponseTopicOnlyInsideTheRequestersTree() throws Exception {
        try (MqttDevice alice = MqttDevice.v5(broker.get(), "alice4", "phone")) {
            alice.request(Topics.groupRequests(), "{\"v\":1,\"op\":\"create\",\"name\":\"Trip\",\"members\":[\"bob4\"],\"ref\":\"c1\"}",
                    Topics.responses("alice4"), "corr-1");
            String lane = ServiceTopics.laneFor(ServiceTopics.GROUP_REQUESTS, "alice4");
            MqttDevice.Received forwarded = worker.next(lane);
            GroupRequest request = (GroupRequest) codec.decode(forwarded.payload().getBytes());
            assertEquals(GroupRequest.CREATE, request.op());
            assertEquals("alice4", request.by());
            assertEquals("phone", request.device());
            assertEquals(List.of("bob4"), request.members());
            assertEquals("c1", request.ref());
            assertEquals(Topics.responses("alice4"), forwarded.responseTopic());
            assertEquals("corr-1", forwarded.correlation());

            alice.request(Topics.groupRequests(), "{\"v\":1,\"op\":\"mine\"}", Topics.inbox("bob4"), "corr-2");
            MqttDevice.Received hijack = worker.next(lane);
            assertNull(hijack.responseTopic(), "a response topic in another user's tree is dropped");
            assertNull(hijack.correlation());
        }
    }

    @Test
    void malformedGroupRequestsAreAnsweredAtOnceAndNeverReachTheWorker() {
        try (MqttDevice alice = MqttDevice.v3(broker.get(), "alice5", "phone")) {
            alice.publish(Topics.groupRequests(), "{\"v\":1,\"op\":\"explode\",\"ref\":\"r-9\"}");
            String error = alice.next(Topics.errors("alice5")).payload();
            assertTrue(error.contains("unknown_type"));
            assertTrue(error.contains("\"ref\":\"r-9\""), "the refusal names the request's ref");
            alice.publish(Topics.groupRequests(), "{\"v\":1,\"op\":\"add\",\"group\":\"g1\",\"members\":[\"a/b\"]}");
            assertTrue(alice.next(Topics.errors("alice5")).payload().contains("invalid_envelope"));
            alice.publish(Topics.sendToGroup("bad$group"), "{\"v\":1,\"type\":\"text\",\"body\":\"x\"}");
            assertTrue(alice.next(Topics.errors("alice5")).payload().contains("invalid_recipient"));
            assertTrue(alice.isConnected());
            assertTrue(worker.poll(ServiceTopics.laneFor(ServiceTopics.GROUP_REQUESTS, "alice5"), 300).isEmpty());
            assertTrue(worker.poll(ServiceTopics.laneFor(ServiceTopics.GROUP_REQUESTS, "g1"), 1).isEmpty());
        }
    }
}
