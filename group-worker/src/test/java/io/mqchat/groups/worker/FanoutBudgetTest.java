package io.mqchat.groups.worker;

import static io.mqchat.groups.worker.GroupHarness.await;
import static io.mqchat.groups.worker.GroupHarness.createGroup;
import static io.mqchat.groups.worker.GroupHarness.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.groups.settings.FanoutLimit;
import io.mqchat.groups.settings.GroupSettings;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.ErrorReply;
import io.mqchat.protocol.Topics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One sender cannot take the broker by flooding a group: its group messages spend a delivery per member from its
 * budget, and past it they are refused with a single rate_limited notice while the other members go on.
 */
class FanoutBudgetTest {

    private static final int MEMBERS = 5;
    /** Four messages to a group of five; a refill so slow that it hardly matters during the test. */
    private static final FanoutLimit LIMIT = new FanoutLimit(1, 4 * MEMBERS);

    @TempDir
    Path dir;
    private GroupHarness harness;

    @BeforeEach
    void start() {
        harness = GroupHarness.start(dir, config -> config);
        harness.worker("1", "all", GroupSettings.defaults().withMaxMembers(MEMBERS).withFanout(LIMIT));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aSenderFloodingAGroupIsRefusedPastItsBudgetWithOneNoticeWhileOtherMembersGoOn() {
        MqttDevice alice = harness.device("alice", "phone");
        MqttDevice bob = harness.device("bob", "phone");
        MqttDevice carol = harness.device("carol", "phone");
        String group = createGroup(alice, "alice", "Flooded", "bob", "carol", "dave", "erin");

        for (int i = 0; i < 12; i++) {
            alice.publish(Topics.sendToGroup(group), text("flood-" + i, "spam"));
        }
        ErrorReply refused = await(alice, Topics.errors("alice"), ErrorReply.class, e -> true);
        assertEquals("rate_limited", refused.code());
        assertEquals(Topics.sendToGroup(group), refused.topic());

        carol.publish(Topics.sendToGroup(group), text("from-carol", "still here"));
        List<String> atBob = drain(bob, Topics.inbox("bob"), ChatMessage.class, 2000).stream()
                .map(ChatMessage::id).toList();
        assertTrue(atBob.contains("from-carol"), "another member's message goes through: " + atBob);
        long flood = atBob.stream().filter(id -> id.startsWith("flood-")).count();
        // Four fit the budget; a fifth only if the refill paid for it while the test ran.
        assertTrue(flood >= 4 && flood <= 5, "alice's messages that reached bob: " + atBob);
        assertTrue(drain(alice, Topics.errors("alice"), ErrorReply.class, 500).isEmpty(),
                "one notice for the whole flood");
    }

    private static String text(String id, String body) {
        return "{\"v\":1,\"type\":\"text\",\"id\":\"" + id + "\",\"body\":\"" + body + "\"}";
    }
}
