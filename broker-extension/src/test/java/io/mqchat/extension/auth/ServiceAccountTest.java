package io.mqchat.extension.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.outbox.Outbox;
import io.mqchat.extension.routing.RoutedMessage;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceAccountTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();

    private final Codec codec = new Codec();

    @Test
    void noUserTokenCanNameAServiceAndServiceNamesAreReserved() {
        TokenMinter minter = new TokenMinter(io.mqchat.extension.testing.TestBroker.SECRET, Clock.systemUTC());
        assertThrows(IllegalArgumentException.class, () -> minter.mint("svc-groups", Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> minter.mintService("groups", Duration.ofMinutes(1)));
    }

    @Test
    void usersCannotReadInternalTopicsButWorkersCanReadTheirLanes() {
        try (MqttDevice alice = MqttDevice.v5(broker.get(), "alice1", "phone");
             MqttDevice worker = MqttDevice.service(broker.get(), "svc-groups", "1")) {
            assertFalse(alice.subscribe(ServiceTopics.lane(ServiceTopics.GROUP_TRAFFIC, 0)));
            assertFalse(alice.subscribe(ServiceTopics.lanes(ServiceTopics.GROUP_TRAFFIC)));
            assertFalse(alice.subscribe("$share/x/" + ServiceTopics.lanes(ServiceTopics.GROUP_TRAFFIC)));
            assertTrue(alice.isConnected());
            assertTrue(worker.subscribe(ServiceTopics.lane(ServiceTopics.GROUP_TRAFFIC, 0)));
            assertTrue(alice.subscribe(Topics.presence("bob1")), "presence is readable by every user");
        }
    }

    @Test
    void aWorkersFanOutIsDeliveredUnroutedAndItsPubackBecomesAGroupReceiptForTheSender() throws Exception {
        try (MqttDevice alicePhone = MqttDevice.v5(broker.get(), "alice2", "phone");
             MqttDevice aliceLaptop = MqttDevice.v5(broker.get(), "alice2", "laptop");
             MqttDevice bob = MqttDevice.v5(broker.get(), "bob2", "phone");
             MqttDevice worker = MqttDevice.service(broker.get(), "svc-groups", "2")) {
            String message = "{\"v\":1,\"type\":\"text\",\"id\":\"g-m1\",\"from\":\"alice2\",\"group\":\"g1\",\"ts\":1,\"body\":\"hi\"}";
            Map<String, String> tracked = Map.of(RoutedMessage.ID_PROPERTY, "g-m1",
                    RoutedMessage.FROM_PROPERTY, "alice2", RoutedMessage.GROUP_PROPERTY, "g1");
            worker.publish(Topics.inbox("bob2"), message, tracked);
            worker.publish(Topics.inbox("alice2"), message, Map.of(Outbox.ORIGIN_PROPERTY, "alice2:phone",
                    RoutedMessage.ID_PROPERTY, "g-m1", RoutedMessage.FROM_PROPERTY, "alice2",
                    RoutedMessage.GROUP_PROPERTY, "g1"));

            assertEquals(message, bob.next(Topics.inbox("bob2")).payload());
            assertEquals(message, aliceLaptop.next(Topics.inbox("alice2")).payload());
            Receipt receipt = (Receipt) codec.decode(alicePhone.next(Topics.receipts("alice2")).payload().getBytes());
            assertEquals(Receipt.DELIVERED, receipt.type());
            assertEquals("g-m1", receipt.id());
            assertEquals("bob2", receipt.by());
            assertEquals("g1", receipt.group());
            assertTrue(alicePhone.poll(Topics.inbox("alice2"), 500).isEmpty(), "the sending device gets no copy");
        }
    }

    @Test
    void aWorkerMayPublishRetainedPresenceThatAUserGetsOnSubscribe() {
        try (MqttDevice worker = MqttDevice.service(broker.get(), "svc-presence", "1")) {
            worker.publishRetained(Topics.presence("bob3"), "{\"v\":1,\"type\":\"presence\",\"user\":\"bob3\",\"online\":true,\"ts\":1}");
        }
        try (MqttDevice alice = MqttDevice.v5(broker.get(), "alice3", "phone")) {
            assertTrue(alice.subscribe(Topics.presence("bob3")));
            assertTrue(alice.next(Topics.presence("bob3")).payload().contains("\"online\":true"));
        }
    }
}
