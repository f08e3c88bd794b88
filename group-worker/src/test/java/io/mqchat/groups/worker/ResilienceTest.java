package io.mqchat.groups.worker;

import static io.mqchat.groups.worker.GroupHarness.createGroup;
import static io.mqchat.groups.worker.GroupHarness.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.limits.RateLimit;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.protocol.Response;
import io.mqchat.protocol.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Load split over two workers, a worker killed mid-stream, MongoDB down: nothing lost, nothing twice at the app. */
class ResilienceTest {

    private static final Logger LOG = LoggerFactory.getLogger(ResilienceTest.class);
    private static final int MAX_MEMBERS = 256;

    @TempDir
    Path dir;
    private GroupHarness harness;

    @BeforeEach
    void start() {
        // The per-user rate limit guards people, not this test's deliberate flood.
        harness = GroupHarness.start(dir, config -> config.withRateLimit(new RateLimit(1_000_000, 1_000_000)));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static String text(String id) {
        return "{\"v\":1,\"type\":\"text\",\"id\":\"" + id + "\",\"body\":\"body of " + id + "\"}";
    }

    private static CompletableFuture<Void> sendAll(MqttDevice device, String group, String prefix, int count) {
        return CompletableFuture.runAsync(() -> {
            for (int i = 0; i < count; i++) {
                device.publish(Topics.sendToGroup(group), text(prefix + i));
            }
        });
    }

    private static CompletableFuture<List<Response>> addOneByOne(MqttDevice admin, String group, List<String> users) {
        return CompletableFuture.supplyAsync(() -> users.stream().map(user -> request(admin, "alice",
                "{\"v\":1,\"op\":\"add\",\"group\":\"" + group + "\",\"members\":[\"" + user + "\"]}")).toList());
    }

    @Test
    void twoWorkersSplitAThousandMessagesEachDeliveredOncePerMemberAndKeepEveryConcurrentChange() {
        harness.worker("1", "0-7", MAX_MEMBERS);
        harness.worker("2", "8-15", MAX_MEMBERS);
        MqttDevice alice = harness.device("alice", "phone");
        MqttDevice tablet = harness.device("alice", "tablet");
        MqttDevice laptop = harness.device("alice", "laptop");
        MqttDevice bob = harness.device("bob", "phone");
        MqttDevice carol = harness.device("carol", "phone");
        String group = createGroup(alice, "alice", "Busy", "bob", "carol");

        long started = System.nanoTime();
        long[] sendDone = new long[1];
        CompletableFuture<Void> sending = sendAll(alice, group, "load-", 1000).thenRun(() -> sendDone[0] = System.nanoTime());
        // Two admin devices add members at the same time, each waiting for its own answers (a device's
        // responses arrive on one topic, so one device asks one question at a time).
        List<String> joiners = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> joiners.addAll(List.of("x" + i, "y" + i)));
        List<CompletableFuture<List<Response>>> changes = List.of(
                addOneByOne(tablet, group, joiners.stream().filter(u -> u.startsWith("x")).toList()),
                addOneByOne(laptop, group, joiners.stream().filter(u -> u.startsWith("y")).toList()));
        Inbox bobInbox = new Inbox(bob, "bob").collect(1000, 120_000);
        Inbox carolInbox = new Inbox(carol, "carol").collect(1000, 120_000);
        double seconds = (System.nanoTime() - started) / 1e9;
        sending.join();
        LOG.info("sending took {} ms", (sendDone[0] - started) / 1_000_000);
        changes.forEach(change -> change.join().forEach(response -> assertTrue(response.ok(), response::toString)));

        for (Inbox inbox : List.of(bobInbox, carolInbox)) {
            assertEquals(1000, inbox.distinct());
            IntStream.range(0, 1000).forEach(i -> assertTrue(inbox.has("alice", "load-" + i), "load-" + i));
        }
        LOG.info("1000 group messages to 2 members over 2 workers in {} s ({} msg/s); duplicates dropped: bob {}, "
                        + "carol {}", String.format("%.2f", seconds), Math.round(1000 / seconds),
                bobInbox.duplicates(), carolInbox.duplicates());

        Response info = request(alice, "alice", "{\"v\":1,\"op\":\"info\",\"group\":\"" + group + "\"}");
        Set<String> expected = new HashSet<>(joiners);
        expected.addAll(List.of("alice", "bob", "carol"));
        assertEquals(expected, new HashSet<>(info.group().members()));
    }

    @Test
    void aWorkerKilledMidStreamAndRestartedLosesNothing() {
        GroupWorker worker = harness.worker("1", MAX_MEMBERS);
        MqttDevice alice = harness.device("alice", "phone");
        MqttDevice bob = harness.device("bob", "phone");
        String group = createGroup(alice, "alice", "Bumpy", "bob");

        CompletableFuture<Void> sending = sendAll(alice, group, "crash-", 300);
        Inbox bobInbox = new Inbox(bob, "bob").collect(50, 20_000);
        worker.close();
        int beforeRestart = bobInbox.distinct();
        sending.join();
        harness.worker("1", MAX_MEMBERS);

        bobInbox.collect(300, 60_000);
        LOG.info("worker killed after {} of 300 messages reached bob; after restart {} distinct, {} duplicates dropped",
                beforeRestart, bobInbox.distinct(), bobInbox.duplicates());
        assertTrue(beforeRestart < 300, "the worker was killed mid-stream");
        assertEquals(300, bobInbox.distinct());
    }

    @Test
    void withMongoDownAdminRequestsFailClearlyAndMessagesWaitUntilItReturns() {
        harness.worker("1", MAX_MEMBERS);
        MqttDevice alice = harness.device("alice", "phone");
        MqttDevice bob = harness.device("bob", "phone");
        String group = createGroup(alice, "alice", "Fragile", "bob");

        harness.stopMongo();
        alice.publish(Topics.sendToGroup(group), text("waits-1"));
        alice.publish(Topics.sendToGroup(group), text("waits-2"));
        Response refused = request(alice, "alice", "{\"v\":1,\"op\":\"info\",\"group\":\"" + group + "\"}");
        assertFalse(refused.ok());
        assertEquals("unavailable", refused.code());
        assertEquals(0, new Inbox(bob, "bob").collect(1, 1000).distinct(), "nothing is fanned out blind");

        harness.restartMongo();
        Inbox bobInbox = new Inbox(bob, "bob").collect(2, 30_000);
        assertTrue(bobInbox.has("alice", "waits-1"));
        assertTrue(bobInbox.has("alice", "waits-2"));
        assertTrue(request(alice, "alice", "{\"v\":1,\"op\":\"info\",\"group\":\"" + group + "\"}").ok());
    }
}
