package io.mqchat.service;

import static io.mqchat.service.TestConnections.connection;
import static io.mqchat.service.TestConnections.next;
import static io.mqchat.service.TestConnections.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.ServiceTopics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceConnectionTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();

    @Test
    void aMessageThatCannotBeHandledYetIsRetriedAndHoldsBackTheOnesBehindIt() throws Exception {
        String topic = ServiceTopics.ROOT + "/test/retry";
        AtomicBoolean storeUp = new AtomicBoolean(false);
        List<String> attempts = new CopyOnWriteArrayList<>();
        BlockingQueue<String> handled = new LinkedBlockingQueue<>();
        try (ServiceConnection worker = connection(broker.get(), "svc-test:retry");
             ServiceConnection producer = connection(broker.get(), "svc-test:producer-1")) {
            worker.subscribe(topic, message -> {
                String text = new String(message.payload(), StandardCharsets.UTF_8);
                attempts.add(text);
                if (!storeUp.get()) {
                    throw new RetryLater("store down");
                }
                handled.add(text);
            });
            worker.connect();
            producer.connect();
            producer.publish(text(topic, "first")).get(10, TimeUnit.SECONDS);
            producer.publish(text(topic, "second")).get(10, TimeUnit.SECONDS);

            while (attempts.size() < 3) {
                Thread.sleep(50);
            }
            assertTrue(attempts.stream().allMatch("first"::equals), "the second waits behind the first");
            storeUp.set(true);
            assertEquals("first", next(handled));
            assertEquals("second", next(handled));
        }
    }

    @Test
    void aRefusedTokenFailsTheConnectAtOnceInsteadOfRetrying() {
        ServiceConnection forged = ServiceConnection.builder().host(broker.get().host()).port(broker.get().port())
                .clientId("svc-test:forged").token(() -> "not-a-token").build();
        IllegalStateException failure = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> forged.connect(java.time.Duration.ofSeconds(25)));
        assertTrue(failure.getCause() instanceof com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException,
                "refused by the broker, not timed out retrying: " + failure);
        forged.close();
    }

    @Test
    void aPoisonMessageIsDroppedAndTheStreamGoesOn() throws Exception {
        String topic = ServiceTopics.ROOT + "/test/poison";
        BlockingQueue<String> handled = new LinkedBlockingQueue<>();
        try (ServiceConnection worker = connection(broker.get(), "svc-test:poison");
             ServiceConnection producer = connection(broker.get(), "svc-test:producer-2")) {
            worker.subscribe(topic, message -> {
                String text = new String(message.payload(), StandardCharsets.UTF_8);
                if (text.equals("poison")) {
                    throw new IllegalArgumentException("cannot decode");
                }
                handled.add(text);
            });
            worker.connect();
            producer.connect();
            producer.publish(text(topic, "poison")).get(10, TimeUnit.SECONDS);
            producer.publish(text(topic, "fine")).get(10, TimeUnit.SECONDS);
            assertEquals("fine", next(handled));
        }
    }

    @Test
    void messagesPublishedWhileTheWorkerIsDownWaitInItsSessionAndUnhandledOnesComeAgain() throws Exception {
        String topic = ServiceTopics.ROOT + "/test/session";
        BlockingQueue<String> handled = new LinkedBlockingQueue<>();
        try (ServiceConnection producer = connection(broker.get(), "svc-test:producer-3")) {
            producer.connect();
            ServiceConnection first = connection(broker.get(), "svc-test:session");
            first.subscribe(topic, message -> {
                throw new RetryLater("never handled by this instance");
            });
            first.connect();
            producer.publish(text(topic, "in flight")).get(10, TimeUnit.SECONDS);
            Thread.sleep(300);
            first.close();
            producer.publish(text(topic, "while down")).get(10, TimeUnit.SECONDS);

            try (ServiceConnection second = connection(broker.get(), "svc-test:session")) {
                second.subscribe(topic,
                        message -> handled.add(new String(message.payload(), StandardCharsets.UTF_8)));
                second.connect();
                assertEquals(List.of("in flight", "while down"), List.of(next(handled), next(handled)));
            }
        }
    }
}
