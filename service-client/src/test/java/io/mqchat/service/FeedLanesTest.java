package io.mqchat.service;

import static io.mqchat.service.TestConnections.connection;
import static io.mqchat.service.TestConnections.next;
import static io.mqchat.service.TestConnections.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.ServiceTopics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FeedLanesTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();

    @Test
    void aLaneThatWaitsHoldsUpNoOtherLane() throws Exception {
        String feed = ServiceTopics.ROOT + "/test/isolation";
        BlockingQueue<String> handled = new LinkedBlockingQueue<>();
        try (ServiceConnection producer = connection(broker.get(), "svc-test:producer-iso");
             FeedLanes lanes = FeedLanes.of(feed, LaneSet.parse("0-1").orElseThrow(), "svc-test:iso",
                     clientId -> connection(broker.get(), clientId),
                     connection -> message -> {
                         String text = new String(message.payload(), StandardCharsets.UTF_8);
                         if (text.startsWith("stuck")) {
                             throw new RetryLater("this lane's store is down");
                         }
                         handled.add(text);
                     }, Clock.systemUTC())) {
            lanes.connect();
            producer.connect();
            // More than a session's in-flight window (100) waits on lane 0.
            for (int i = 0; i < 150; i++) {
                producer.publish(text(ServiceTopics.lane(feed, 0), "stuck " + i)).get(10, TimeUnit.SECONDS);
            }
            producer.publish(text(ServiceTopics.lane(feed, 1), "other lane")).get(10, TimeUnit.SECONDS);
            assertEquals("other lane", next(handled));
        }
    }

    @Test
    void anotherInstanceTakingOverALaneGetsWhatWaitedInIt() throws Exception {
        String feed = ServiceTopics.ROOT + "/test/takeover";
        LaneSet lane3 = LaneSet.parse("3").orElseThrow();
        BlockingQueue<String> handled = new LinkedBlockingQueue<>();
        try (ServiceConnection producer = connection(broker.get(), "svc-test:producer-take")) {
            producer.connect();
            FeedLanes first = FeedLanes.of(feed, lane3, "svc-test:take", clientId -> connection(broker.get(), clientId),
                    connection -> message -> {
                        throw new RetryLater("never handled by the first instance");
                    }, Clock.systemUTC());
            first.connect();
            producer.publish(text(ServiceTopics.lane(feed, 3), "in flight")).get(10, TimeUnit.SECONDS);
            Thread.sleep(300);
            first.close();
            producer.publish(text(ServiceTopics.lane(feed, 3), "while down")).get(10, TimeUnit.SECONDS);

            try (FeedLanes second = FeedLanes.of(feed, lane3, "svc-test:take",
                    clientId -> connection(broker.get(), clientId),
                    connection -> message -> handled.add(new String(message.payload(), StandardCharsets.UTF_8)),
                    Clock.systemUTC())) {
                second.connect();
                assertEquals(List.of("in flight", "while down"), List.of(next(handled), next(handled)));
            }
        }
    }

    @Test
    void aFeedWhoseWorkWaitsPastTheLimitFailsReadinessByNameAndRecoversOnceHandled() throws Exception {
        String feed = ServiceTopics.ROOT + "/test/stall";
        AtomicBoolean storeUp = new AtomicBoolean(false);
        BlockingQueue<String> handled = new LinkedBlockingQueue<>();
        FeedHealth health = new FeedHealth(List.of(feed), Duration.ofSeconds(1));
        BooleanSupplier ready = health.checks().get("feed " + feed);
        try (ServiceConnection producer = connection(broker.get(), "svc-test:producer-stall");
             FeedLanes lanes = FeedLanes.of(feed, LaneSet.parse("5").orElseThrow(), "svc-test:stall",
                     clientId -> connection(broker.get(), clientId),
                     connection -> message -> {
                         if (!storeUp.get()) {
                             throw new RetryLater("store down");
                         }
                         handled.add(new String(message.payload(), StandardCharsets.UTF_8));
                     }, Clock.systemUTC())) {
            lanes.connect();
            health.watch(List.of(lanes));
            producer.connect();
            assertTrue(ready.getAsBoolean(), "nothing waits yet");
            producer.publish(text(ServiceTopics.lane(feed, 5), "waits")).get(10, TimeUnit.SECONDS);
            awaitCondition(() -> !ready.getAsBoolean(), "the feed turned stalled");
            storeUp.set(true);
            assertEquals("waits", next(handled));
            awaitCondition(ready, "the feed moves again");
            assertEquals(Duration.ZERO, lanes.lag());
        }
    }

    private static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
