package io.mqchat.extension.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.mqchat.extension.limits.RateLimit;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A device that acknowledges its queued messages and disconnects at once (a phone's background fetch,
 * {@code mosquitto_sub -C}) does not get them again on its next connect: what it acknowledged stays acknowledged,
 * although the broker hands PUBACKs to the extension before applying them and the disconnect can overtake them.
 */
class QuickDisconnectTest {

    private static final int MESSAGES = 200;

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker(config -> config.withRateLimit(new RateLimit(10_000, 10_000)));

    @Test
    void messagesAcknowledgedRightBeforeADisconnectAreNotSentAgain() throws Exception {
        List<Integer> resentPerRound = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            ManualAckPhone.connect(broker.get(), Topics.inbox("bob"), new LinkedBlockingQueue<>()).disconnect().join();
            try (MqttDevice alice = MqttDevice.v5(broker.get(), "alice", "phone")) {
                for (int i = 0; i < MESSAGES; i++) {
                    alice.publish(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"id\":\"q" + round + "-" + i
                            + "\",\"body\":\"x\"}");
                }
            }
            BlockingQueue<Mqtt5Publish> received = new LinkedBlockingQueue<>();
            Mqtt5AsyncClient bob = ManualAckPhone.connect(broker.get(), Topics.inbox("bob"), received);
            for (int i = 0; i < MESSAGES; i++) {
                Mqtt5Publish message = received.poll(20, TimeUnit.SECONDS);
                assertNotNull(message, "message " + i + " of round " + round + " arrived");
                message.acknowledge();
            }
            bob.disconnect().join();

            BlockingQueue<Mqtt5Publish> again = new LinkedBlockingQueue<>();
            Mqtt5AsyncClient back = ManualAckPhone.connect(broker.get(), Topics.inbox("bob"), again);
            int resent = 0;
            for (Mqtt5Publish message = again.poll(2, TimeUnit.SECONDS); message != null;
                 message = again.poll(2, TimeUnit.SECONDS)) {
                message.acknowledge();
                resent++;
            }
            back.disconnect().join();
            resentPerRound.add(resent);
        }
        assertEquals(List.of(0, 0, 0), resentPerRound, "messages that came again after being acknowledged, per round");
    }
}
