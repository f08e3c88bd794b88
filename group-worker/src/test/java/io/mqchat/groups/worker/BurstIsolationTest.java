package io.mqchat.groups.worker;

import static io.mqchat.groups.worker.GroupHarness.createGroup;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One user's burst into a large group holds up only that group's lane: a message to another group, sent after the
 * burst, reaches a member of both groups before the burst has been fanned out.
 */
class BurstIsolationTest {

    private static final int BURST = 250;
    private static final int MEMBERS = 100;

    @TempDir
    Path dir;
    private GroupHarness harness;

    @BeforeEach
    void start() {
        harness = GroupHarness.start(dir, config -> config);
        harness.worker("1", 256);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aBurstIntoALargeGroupDoesNotHoldUpAnotherGroupsMessage() {
        MqttDevice alice = harness.device("alice", "phone");
        MqttDevice wanda = harness.device("wanda", "phone");
        List<String> crowd = new ArrayList<>(List.of("wanda"));
        for (int i = 0; i < MEMBERS; i++) {
            // Each member has a session, so every copy of the burst is queued for it.
            String member = "member" + i;
            MqttDevice.v5(harness.broker(), member, "phone").close();
            crowd.add(member);
        }
        String large = createGroup(alice, "alice", "Large", crowd.toArray(String[]::new));
        String small = createGroup(alice, "alice", "Small", "wanda");
        while (ServiceTopics.laneOf(small) == ServiceTopics.laneOf(large)) {
            small = createGroup(alice, "alice", "Small", "wanda");
        }

        for (int i = 0; i < BURST; i++) {
            alice.publish(Topics.sendToGroup(large), text("burst-" + i));
        }
        alice.publish(Topics.sendToGroup(small), text("elsewhere"));

        List<String> order = arrivalsAt(wanda, "wanda");
        int elsewhere = order.indexOf("elsewhere");
        int burstEnd = order.indexOf("burst-" + (BURST - 1));
        assertTrue(elsewhere >= 0 && burstEnd >= 0, "both arrived: " + order.size() + " messages");
        assertTrue(elsewhere < burstEnd, "the other group's message came before the burst was fanned out, at "
                + elsewhere + " of " + order.size());
    }

    /** Message ids in the order they reach the device, until the burst's last one and the other group's are in. */
    private static List<String> arrivalsAt(MqttDevice device, String user) {
        List<String> order = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!(order.contains("elsewhere") && order.contains("burst-" + (BURST - 1)))
                && System.currentTimeMillis() < deadline) {
            Optional<MqttDevice.Received> next = device.poll(Topics.inbox(user), 100);
            next.ifPresent(received -> {
                Envelope envelope = GroupHarness.decode(received.payload());
                if (envelope instanceof ChatMessage message && !order.contains(message.id())) {
                    order.add(message.id());
                }
            });
        }
        return order;
    }

    private static String text(String id) {
        return "{\"v\":1,\"type\":\"text\",\"id\":\"" + id + "\",\"body\":\"" + id + "\"}";
    }
}
