package io.mqchat.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.mqchat.extension.testing.PerClassBroker;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The app hears when the connection comes up, goes down and comes back, once per change. */
class ConnectionChangeTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();

    @Test
    void aLostConnectionIsReportedWithItsCauseAndItsReturnAfterTheReconnect() {
        Recorder<ConnectionChange> changes = new Recorder<>("connection changes");
        try (TestDevice dana = TestDevice.online(broker.get(), "dana", "phone",
                builder -> builder.onConnectionChange(changes))) {
            assertTrue(changes.next().connected(), "the first connect");

            // Another connection with the device's client id takes the session over: the server drops the device.
            Mqtt5BlockingClient intruder = MqttClient.builder().useMqttVersion5().identifier("dana:phone")
                    .serverHost(broker.get().host()).serverPort(broker.get().port()).buildBlocking();
            intruder.connectWith().cleanStart(false).simpleAuth().username("dana")
                    .password(broker.get().token("dana").getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
            ConnectionChange lost = changes.next();
            assertFalse(lost.connected());
            assertNotNull(lost.cause(), "a drop by the server has a cause");
            assertFalse(lost.reason().isEmpty());

            assertTrue(changes.next().connected(), "the device reconnects by itself");
            TestDevice.await(dana.client.disconnect());
            ConnectionChange closed = changes.next();
            assertFalse(closed.connected());
            assertNull(closed.cause(), "the app's own disconnect has no cause");
        }
    }
}
