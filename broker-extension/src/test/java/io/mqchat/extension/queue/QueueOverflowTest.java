package io.mqchat.extension.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqchat.extension.limits.RateLimit;
import io.mqchat.extension.metrics.ChatMetrics;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.TestBroker;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueOverflowTest {

    private static final ObjectMapper json = new ObjectMapper();

    @Test
    void aDeviceWhoseQueueOverflowedKeepsTheNewestMessagesAndIsToldToSync() throws Exception {
        try (TestBroker broker = TestBroker.start(config -> config.withQueueLimit(5))) {
            MqttDevice.v5(broker, "bob", "phone").close();
            try (MqttDevice alice = MqttDevice.v5(broker, "alice", "phone")) {
                for (int i = 1; i <= 8; i++) {
                    alice.publish(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"id\":\"m" + i + "\",\"body\":\"" + i + "\"}");
                }
            }
            try (MqttDevice bob = MqttDevice.v5(broker, "bob", "phone")) {
                JsonNode notice = json.readTree(bob.next(Topics.notices("bob")).payload());
                assertEquals("queue_overflow", notice.get("type").asText());
                assertEquals("phone", notice.get("device").asText());

                List<String> ids = new ArrayList<>();
                bob.poll(Topics.inbox("bob"), 5000).ifPresent(r -> ids.addAll(ids(r)));
                while (true) {
                    var next = bob.poll(Topics.inbox("bob"), 1000);
                    if (next.isEmpty()) {
                        break;
                    }
                    ids.addAll(ids(next.get()));
                }
                assertTrue(ids.contains("m8"), "the newest message survives: " + ids);
                assertTrue(!ids.contains("m1"), "the oldest was dropped: " + ids);
                assertTrue(ids.size() < 8, "the queue held fewer than were sent: " + ids);
            }
            assertTrue(broker.broker().metrics().counter(ChatMetrics.PREFIX + "queue.dropped").getCount() >= 3,
                    "every drop is counted");
        }
    }

    @Test
    void theOverflowNoticeSurvivesTheOverflowThatFollowsIt() throws Exception {
        try (TestBroker broker = TestBroker.start(config -> config.withQueueLimit(100)
                .withRateLimit(new RateLimit(1000, 1000)))) {
            MqttDevice.v5(broker, "bob", "phone").close();
            try (MqttDevice alice = MqttDevice.v5(broker, "alice", "phone")) {
                for (int i = 1; i <= 500; i++) {
                    alice.publish(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"id\":\"o" + i + "\",\"body\":\"x\"}");
                }
            }
            try (MqttDevice bob = MqttDevice.v5(broker, "bob", "phone")) {
                JsonNode notice = json.readTree(bob.next(Topics.notices("bob")).payload());
                assertEquals("queue_overflow", notice.get("type").asText());
            }
        }
    }

    @Test
    void aWorkersFeedIsNotCutToADevicesQueueLimitWhileTheWorkerIsDown() {
        try (TestBroker broker = TestBroker.start(config -> config.withQueueLimit(5))) {
            MqttDevice archive = MqttDevice.service(broker, "svc-archive", "1");
            assertTrue(archive.subscribe(ServiceTopics.lanes(ServiceTopics.ARCHIVE)));
            archive.close();
            try (MqttDevice alice = MqttDevice.v5(broker, "alice", "phone")) {
                for (int i = 1; i <= 40; i++) {
                    alice.publish(Topics.send("bob"), "{\"v\":1,\"type\":\"text\",\"id\":\"f" + i + "\",\"body\":\"x\"}");
                }
            }
            MqttDevice back = MqttDevice.service(broker, "svc-archive", "1");
            try {
                List<String> ids = new ArrayList<>();
                while (ids.size() < 40) {
                    ids.addAll(ids(back.next(ServiceTopics.laneFor(ServiceTopics.ARCHIVE,
                            ServiceTopics.conversationKey("alice", "bob")))));
                }
                assertEquals(40, ids.stream().distinct().count(), "every message waited for the archive: " + ids);
            } finally {
                back.close();
            }
        }
    }

    /** The ids of the messages a publish carries: one, or a batch's (the archive feed batches what piles up). */
    private static List<String> ids(MqttDevice.Received r) {
        try {
            JsonNode node = json.readTree(r.payload());
            List<String> ids = new ArrayList<>();
            for (JsonNode item : node.has("items") ? node.get("items") : json.createArrayNode().add(node)) {
                ids.add(item.get("id").asText());
            }
            return ids;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
