package io.mqchat.extension.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.extension.testing.VanishingDevice;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Notify;
import io.mqchat.protocol.PresenceEvent;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PresenceEventsTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();

    private final Codec codec = new Codec();
    private MqttDevice worker;

    @BeforeEach
    void subscribeAsWorker() {
        worker = MqttDevice.service(broker.get(), "svc-presence", "test");
        assertTrue(worker.subscribe(ServiceTopics.lanes(ServiceTopics.PRESENCE_EVENTS)));
        assertTrue(worker.subscribe(ServiceTopics.lanes(ServiceTopics.NOTIFY)));
    }

    @AfterEach
    void closeWorker() {
        worker.close();
    }

    private PresenceEvent nextEventOf(String user) throws ProtocolException {
        while (true) {
            PresenceEvent event = (PresenceEvent) codec.decode(
                    worker.next(ServiceTopics.laneFor(ServiceTopics.PRESENCE_EVENTS, user)).payload().getBytes());
            if (user.equals(event.user())) {
                return event;
            }
        }
    }

    @Test
    void aDeviceThatConnectsAndDisconnectsProducesBothEventsForTheSameConnection() throws Exception {
        MqttDevice phone = MqttDevice.v5(broker.get(), "bob1", "phone");
        PresenceEvent connected = nextEventOf("bob1");
        phone.close();
        PresenceEvent disconnected = nextEventOf("bob1");

        assertEquals(PresenceEvent.CONNECTED, connected.event());
        assertEquals("phone", connected.device());
        assertEquals(PresenceEvent.DISCONNECTED, disconnected.event());
        assertEquals(connected.conn(), disconnected.conn());
        assertTrue(disconnected.conn().startsWith(disconnected.broker() + "/"));
        assertTrue(disconnected.lastActivity() <= disconnected.ts());
    }

    @Test
    void aDeviceThatVanishesIsLastSeenAtItsLastActivityNotWhenTheKeepAliveExpired() throws Exception {
        try (VanishingDevice ghost = VanishingDevice.connect(broker.get(), "bob2", "ghost", 1)) {
            assertEquals(PresenceEvent.CONNECTED, nextEventOf("bob2").event());
            ghost.publishAtMostOnce(Topics.typingTo("alice2"), "{\"v\":1}");
            long activeAround = System.currentTimeMillis();

            PresenceEvent gone = nextEventOf("bob2");
            while (!PresenceEvent.DISCONNECTED.equals(gone.event())) {
                gone = nextEventOf("bob2");
            }
            assertTrue(Math.abs(gone.lastActivity() - activeAround) < 1000, "last activity at the publish");
            assertTrue(gone.ts() - gone.lastActivity() >= 1000, "detected only after the keep-alive expired");
        }
    }

    @Test
    void aReconnectThatTakesOverTheSessionEndsOnlyTheNewConnection() throws Exception {
        MqttDevice first = MqttDevice.v5(broker.get(), "bob3", "phone");
        PresenceEvent firstConnected = nextEventOf("bob3");
        MqttDevice second = MqttDevice.v5(broker.get(), "bob3", "phone");
        PresenceEvent secondConnected = nextEventOf("bob3");
        second.close();
        PresenceEvent ended = nextEventOf("bob3");
        first.close();

        assertEquals(PresenceEvent.CONNECTED, secondConnected.event());
        assertNotEquals(firstConnected.conn(), secondConnected.conn());
        assertEquals(PresenceEvent.DISCONNECTED, ended.event());
        assertEquals(secondConnected.conn(), ended.conn());
    }

    @Test
    void aPrivacyRequestBecomesAPrivacyEventOfTheSender() throws Exception {
        try (MqttDevice phone = MqttDevice.v3(broker.get(), "bob4", "phone")) {
            nextEventOf("bob4");
            phone.publish(Topics.presenceRequests(), "{\"v\":1,\"privacy\":\"nobody\"}");
            PresenceEvent privacy = nextEventOf("bob4");
            assertEquals(PresenceEvent.PRIVACY, privacy.event());
            assertEquals(PresenceEvent.NOBODY, privacy.privacy());

            phone.publish(Topics.presenceRequests(), "{\"v\":1,\"privacy\":\"friends\"}");
            assertTrue(phone.next(Topics.errors("bob4")).payload().contains("invalid_envelope"));
        }
    }

    @Test
    void aMessageToAUserWithNoConnectedDeviceAsksForOneNotificationWithoutTheBody() throws Exception {
        try (MqttDevice alice = MqttDevice.v5(broker.get(), "alice5", "phone");
             MqttDevice bob = MqttDevice.v5(broker.get(), "bob5", "phone")) {
            alice.publish(Topics.send("bob5"), "{\"v\":1,\"type\":\"text\",\"id\":\"online-1\",\"body\":\"hi\"}");
            bob.next(Topics.inbox("bob5"));
            bob.close();
            // The broker handles the DISCONNECT asynchronously: send only once it has.
            while (!PresenceEvent.DISCONNECTED.equals(nextEventOf("bob5").event())) {
                Thread.onSpinWait();
            }
            alice.publish(Topics.send("bob5"), "{\"v\":1,\"type\":\"text\",\"id\":\"offline-1\",\"body\":\"secret\"}");

            Notify notify = (Notify) codec.decode(worker.next(ServiceTopics.laneFor(ServiceTopics.NOTIFY, "bob5"))
                    .payload().getBytes());
            assertEquals("bob5", notify.recipient());
            assertEquals("alice5", notify.sender());
            assertEquals("offline-1", notify.id());
            assertNull(notify.body());
            assertNull(notify.group());
        }
    }

    @Test
    void workersHaveNoPresence() throws Exception {
        MqttDevice other = MqttDevice.service(broker.get(), "svc-groups", "test");
        other.close();
        MqttDevice probe = MqttDevice.v5(broker.get(), "bob6", "phone");
        assertEquals("bob6", nextEventOf("bob6").user(), "a user's connection is an event");
        probe.close();
        String serviceLane = ServiceTopics.laneFor(ServiceTopics.PRESENCE_EVENTS, "svc-groups");
        for (var event = worker.poll(serviceLane, 300); event.isPresent(); event = worker.poll(serviceLane, 300)) {
            assertTrue(!event.get().payload().contains("svc-groups"), "no event for the service account");
        }
    }
}
