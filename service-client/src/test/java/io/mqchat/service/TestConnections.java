package io.mqchat.service;

import io.mqchat.extension.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** Connections, messages and waiting shared by the service client's tests. */
final class TestConnections {

    private TestConnections() {
    }

    /** A (not yet connected) connection of the test service account. */
    static ServiceConnection connection(TestBroker broker, String clientId) {
        return ServiceConnection.builder().host(broker.host()).port(broker.port()).clientId(clientId)
                .token(() -> broker.serviceToken("svc-test")).build();
    }

    /** A QoS 1 text message. */
    static OutboundMessage text(String topic, String text) {
        return OutboundMessage.to(topic, text.getBytes(StandardCharsets.UTF_8)).qos(1).build();
    }

    /** The next handled text; fails after 20 s. */
    static String next(BlockingQueue<String> queue) throws InterruptedException {
        String value = queue.poll(20, TimeUnit.SECONDS);
        if (value == null) {
            throw new AssertionError("nothing arrived");
        }
        return value;
    }
}
