package io.mqchat.archive.worker;

import static io.mqchat.archive.worker.ArchiveHarness.text;
import static io.mqchat.archive.worker.HistoryClient.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.archive.settings.ArchiveSettings;
import io.mqchat.extension.limits.RateLimit;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Cursor;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import io.mqchat.service.LaneSet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A worker killed mid-stream, MongoDB down: nothing lost, nothing archived twice, requests answered clearly. */
class ArchiveResilienceTest {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveResilienceTest.class);

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker(c -> c.withRateLimit(new RateLimit(1_000_000, 1_000_000))
            .withGroupRateLimit(new RateLimit(1_000_000, 1_000_000)));

    @TempDir
    Path dir;
    private ArchiveHarness harness;
    private String alice;
    private String bob;

    @BeforeEach
    void start() {
        harness = new ArchiveHarness(broker.get(), dir);
        // Bob's history requests must not share the lane of his conversation with Alice, which a test stops.
        do {
            String run = UUID.randomUUID().toString().substring(0, 8);
            alice = "alice-" + run;
            bob = "bob-" + run;
        } while (ServiceTopics.laneOf(bob) == conversationLane());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private int conversationLane() {
        return ServiceTopics.laneOf(ServiceTopics.conversationKey(alice, bob));
    }

    private LaneSet conversationLaneOnly() {
        return LaneSet.parse(String.valueOf(conversationLane())).orElseThrow();
    }

    private LaneSet allButConversationLane() {
        String others = IntStream.range(0, ServiceTopics.LANES).filter(lane -> lane != conversationLane())
                .mapToObj(String::valueOf).collect(Collectors.joining(","));
        return LaneSet.parse(others).orElseThrow();
    }

    @Test
    void anArchiveWorkerKilledMidStreamAndRestartedLeavesTheArchiveCompleteWithoutDuplicates() {
        ArchiveWorker first = harness.archiveWorker("1", conversationLaneOnly(), Clock.systemUTC(),
                ArchiveSettings.defaults());
        harness.archiveWorker("2", allButConversationLane(), Clock.systemUTC(), ArchiveSettings.defaults());
        MqttDevice alicePhone = harness.device(alice, "phone");
        HistoryClient history = new HistoryClient(harness.device(bob, "tablet"), bob);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 1000; i++) {
                alicePhone.publish(Topics.send(bob), text("k" + i, "message " + i));
            }
        });

        history.awaitArchived(with(alice), 100);
        first.close();
        int atKill = history.pageBackwards(with(alice), 200).size();
        sending.join();
        harness.archiveWorker("1", conversationLaneOnly(), Clock.systemUTC(), ArchiveSettings.defaults());

        List<ChatMessage> archived = history.awaitArchived(with(alice), 1000);
        LOG.info("worker 1 of 2 killed with {} of 1000 messages archived", atKill);
        assertTrue(atKill < 1000, "the worker was killed mid-stream");
        assertEquals(1000, archived.size());
        assertEquals(IntStream.range(0, 1000).mapToObj(i -> "k" + i).collect(Collectors.toSet()),
                archived.stream().map(ChatMessage::id).collect(Collectors.toSet()));
        for (int i = 1; i < archived.size(); i++) {
            assertTrue(Cursor.of(archived.get(i - 1)).compareTo(Cursor.of(archived.get(i))) < 0, "in order, once");
        }
    }

    @Test
    void withMongoDownHistoryRequestsAreAnsweredUnavailableAndTheFeedWaitsUntilItIsBack() {
        harness.archiveWorker("1");
        MqttDevice alicePhone = harness.device(alice, "phone");
        HistoryClient history = new HistoryClient(harness.device(bob, "tablet"), bob);
        alicePhone.publish(Topics.send(bob), text("first", "archived at once"));
        assertEquals(1, history.awaitArchived(with(alice), 1).size());

        harness.stopMongo();
        alicePhone.publish(Topics.send(bob), text("waits-1", "while the archive is down"));
        alicePhone.publish(Topics.send(bob), text("waits-2", "still down"));
        HistoryResponse refused = history.ask("{\"v\":1,\"op\":\"messages\"," + with(alice) + "}");
        assertFalse(refused.ok());
        assertEquals("unavailable", refused.code());
        assertEquals("unavailable", history.ask("{\"v\":1,\"op\":\"conversations\"}").code());

        harness.restartMongo();
        List<ChatMessage> archived = history.awaitArchived(with(alice), 3);
        assertEquals(List.of("first", "waits-1", "waits-2"), archived.stream().map(ChatMessage::id).toList());
    }
}
