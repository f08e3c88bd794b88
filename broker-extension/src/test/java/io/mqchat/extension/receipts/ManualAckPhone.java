package io.mqchat.extension.receipts;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.mqchat.extension.testing.TestBroker;
import io.mqchat.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;

/** Bob's phone with manual acknowledgement, on a persistent session: the test decides when each PUBACK goes out. */
final class ManualAckPhone {

    private ManualAckPhone() {
    }

    /** Connects {@code bob:phone}, subscribes to {@code filter} and hands every message to {@code received}. */
    static Mqtt5AsyncClient connect(TestBroker broker, String filter, BlockingQueue<Mqtt5Publish> received) {
        Mqtt5AsyncClient bob = Mqtt5Client.builder().identifier("bob:phone")
                .serverHost(broker.host()).serverPort(broker.port()).buildAsync();
        bob.publishes(MqttGlobalPublishFilter.ALL, received::add, true);
        bob.connectWith().cleanStart(false).sessionExpiryInterval(3600)
                .simpleAuth().password(broker.token("bob").getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .send().join();
        bob.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().join();
        return bob;
    }

    /** {@link #connect} to Bob's whole tree. */
    static Mqtt5AsyncClient connect(TestBroker broker, BlockingQueue<Mqtt5Publish> received) {
        return connect(broker, Topics.userTree("bob"), received);
    }
}
