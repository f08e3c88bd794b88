package io.mqchat.extension.devices;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Copies of a user's own messages reach every other device of the user that has a session, even one that has not
 * connected since the broker restarted (the broker's sessions are scanned at start).
 */
class OwnCopiesTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();

    private static final String TEXT = "{\"v\":1,\"type\":\"text\",\"id\":\"%s\",\"body\":\"hi\"}";

    @Test
    void anOfflineDeviceFromBeforeARestartStillGetsCopiesOfWhatItsUserSends() {
        MqttDevice.v3(broker.get(), "alice1", "laptop").close();
        broker.restart();
        try (MqttDevice phone = MqttDevice.v5(broker.get(), "alice1", "phone")) {
            phone.publish(Topics.send("bob1"), String.format(TEXT, "after-restart"));
        }
        try (MqttDevice laptop = MqttDevice.v3(broker.get(), "alice1", "laptop")) {
            assertTrue(laptop.next(Topics.inbox("alice1")).payload().contains("after-restart"));
        }
    }

    @Test
    void aDeviceThatJoinsLaterGetsCopiesFromThenOn() {
        try (MqttDevice phone = MqttDevice.v5(broker.get(), "alice2", "phone")) {
            phone.publish(Topics.send("bob2"), String.format(TEXT, "alone"));
            MqttDevice.v5(broker.get(), "alice2", "tablet").close();
            phone.publish(Topics.send("bob2"), String.format(TEXT, "with-tablet"));
        }
        try (MqttDevice tablet = MqttDevice.v5(broker.get(), "alice2", "tablet")) {
            assertTrue(tablet.next(Topics.inbox("alice2")).payload().contains("with-tablet"));
            assertTrue(tablet.poll(Topics.inbox("alice2"), 300).isEmpty());
        }
    }
}
