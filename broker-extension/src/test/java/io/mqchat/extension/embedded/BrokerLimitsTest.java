package io.mqchat.extension.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import io.mqchat.extension.testing.PerClassBroker;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BrokerLimitsTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();

    @Test
    void aClientMayHaveAThousandPublishesInFlightSoThatAWorkerFansOutWithoutWaiting() {
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("svc-groups:limits")
                .serverHost(broker.get().host()).serverPort(broker.get().port()).buildBlocking();
        Mqtt5ConnAck connAck = client.connectWith().simpleAuth()
                .password(broker.get().serviceToken("svc-groups").getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .send();
        try {
            assertEquals(BrokerConfigXml.SERVER_RECEIVE_MAXIMUM, connAck.getRestrictions().getReceiveMaximum());
            assertEquals(1000, BrokerConfigXml.SERVER_RECEIVE_MAXIMUM);
        } finally {
            client.disconnect();
        }
    }
}
