package io.mqchat.archive.worker;

import static io.mqchat.archive.worker.ArchiveHarness.await;
import static io.mqchat.archive.worker.ArchiveHarness.createGroup;
import static io.mqchat.archive.worker.ArchiveHarness.groupRequest;
import static io.mqchat.archive.worker.ArchiveHarness.text;
import static io.mqchat.archive.worker.HistoryClient.group;
import static io.mqchat.archive.worker.HistoryClient.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.mqchat.archive.settings.ArchiveSettings;
import io.mqchat.extension.limits.RateLimit;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.ErrorReply;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.MessageRef;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits, deletes for everyone and reactions end to end, as a third-party MQTT client does them by docs/PROTOCOL.md:
 * published like messages, checked and kept by the archive-worker, published to every participant's devices, shown
 * by history; refusals on the sender's errors topic.
 */
class MessageChangesTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker(c -> c.withRateLimit(new RateLimit(1_000_000, 1_000_000))
            .withGroupRateLimit(new RateLimit(1_000_000, 1_000_000)));

    @TempDir
    Path dir;
    private ArchiveHarness harness;
    private String alice;
    private String bob;
    private String carol;

    @BeforeEach
    void start() {
        harness = new ArchiveHarness(broker.get(), dir);
        String run = UUID.randomUUID().toString().substring(0, 8);
        alice = "alice-" + run;
        bob = "bob-" + run;
        carol = "carol-" + run;
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static String reaction(String id, String targetId, String targetFrom, String emoji) {
        return "{\"v\":1,\"type\":\"reaction\",\"id\":\"" + id + "\",\"target\":{\"id\":\"" + targetId
                + "\",\"from\":\"" + targetFrom + "\"}" + (emoji == null ? "" : ",\"emoji\":\"" + emoji + "\"") + "}";
    }

    private static String edit(String id, String targetId, String body) {
        return "{\"v\":1,\"type\":\"edit\",\"id\":\"" + id + "\",\"target\":{\"id\":\"" + targetId + "\"},\"body\":\""
                + body + "\"}";
    }

    private static String delete(String id, String targetId, String targetFrom) {
        return "{\"v\":1,\"type\":\"delete\",\"id\":\"" + id + "\",\"target\":{\"id\":\"" + targetId + "\",\"from\":\""
                + targetFrom + "\"}}";
    }

    private static MessageChange change(MqttDevice device, String user, String id) {
        return await(device, Topics.inbox(user), MessageChange.class, change -> id.equals(change.id()));
    }

    private static ErrorReply refusal(MqttDevice device, String user, String id) {
        return await(device, Topics.errors(user), ErrorReply.class, error -> id.equals(error.ref()));
    }

    /** The changes that arrive on {@code topic} within {@code millis}. */
    private static List<MessageChange> changesWithin(MqttDevice device, String topic, long millis) {
        List<MessageChange> changes = new java.util.ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        for (long left = millis; left > 0; left = deadline - System.currentTimeMillis()) {
            java.util.Optional<MqttDevice.Received> next = device.poll(topic, left);
            if (next.isPresent() && ArchiveHarness.decode(next.get().payload()) instanceof MessageChange change) {
                changes.add(change);
            }
        }
        return changes;
    }

    private static ChatMessage only(List<ChatMessage> page, String id) {
        return page.stream().filter(message -> message.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aReactionAnEditAndADeleteReachBothUsersDevicesAndHistoryEndsWithATombstone() {
        harness.archiveWorker("1");
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice aliceLaptop = harness.device(alice, "laptop");
        MqttDevice bobPhone = harness.device(bob, "phone");
        alicePhone.publish(Topics.send(bob), text("m1", "see you at 5"));
        await(bobPhone, Topics.inbox(bob), ChatMessage.class, message -> message.id().equals("m1"));

        assertEquals(Mqtt5PubAckReasonCode.SUCCESS, bobPhone.publish(Topics.send(alice), reaction("r1", "m1", alice, "👍")));
        MessageChange reacted = change(alicePhone, alice, "r1");
        assertEquals(new MessageRef("m1", alice), reacted.target());
        assertEquals(bob, reacted.from());
        assertEquals(alice, reacted.to());
        assertEquals("👍", reacted.emoji());
        assertEquals("👍", change(bobPhone, bob, "r1").emoji(), "the reacting device learns it was applied");
        bobPhone.publish(Topics.send(alice), reaction("r2", "m1", alice, "❤️"));
        change(alicePhone, alice, "r2");

        alicePhone.publish(Topics.send(bob), edit("e1", "m1", "see you at 6"));
        MessageChange edited = change(bobPhone, bob, "e1");
        assertEquals("see you at 6", edited.body());
        assertEquals(new MessageRef("m1", alice), edited.target(), "the server names the sender's own message");
        change(aliceLaptop, alice, "e1");

        HistoryClient history = new HistoryClient(harness.device(bob, "tablet"), bob);
        ChatMessage m1 = only(history.pageBackwards(with(alice), 10), "m1");
        assertEquals("see you at 6", m1.body());
        assertEquals(edited.ts(), m1.edited());
        assertEquals(Map.of(bob, "❤️"), m1.reactions(), "one reaction per user: the latest");

        alicePhone.publish(Topics.send(bob), delete("d1", "m1", alice));
        change(bobPhone, bob, "d1");
        change(aliceLaptop, alice, "d1");
        ChatMessage tombstone = only(history.pageBackwards(with(alice), 10), "m1");
        assertTrue(tombstone.wasDeleted());
        assertNull(tombstone.body());
        assertNull(tombstone.reactions());
    }

    @Test
    void changesTheRulesForbidAreRefusedOnTheSendersErrorsTopicAndChangeNothing() {
        harness.archiveWorker("1", Clock.systemUTC(), ArchiveSettings.defaults().withEditWindow(Duration.ZERO));
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice bobPhone = harness.device(bob, "phone");
        alicePhone.publish(Topics.send(bob), text("m1", "hello"));
        await(bobPhone, Topics.inbox(bob), ChatMessage.class, message -> message.id().equals("m1"));

        assertEquals(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, bobPhone.publish(Topics.send(alice),
                "{\"v\":1,\"type\":\"edit\",\"id\":\"x1\",\"target\":{\"id\":\"m1\",\"from\":\"" + alice
                        + "\"},\"body\":\"forged\"}"), "an edit of someone else's message");
        assertEquals("not_allowed", refusal(bobPhone, bob, "x1").code());
        bobPhone.publish(Topics.send(alice), edit("x2", "m1", "bob has no m1"));
        assertEquals("not_found", refusal(bobPhone, bob, "x2").code());
        bobPhone.publish(Topics.send(alice), reaction("x3", "nope", alice, "👍"));
        assertEquals("not_found", refusal(bobPhone, bob, "x3").code());
        alicePhone.publish(Topics.send(bob), edit("x4", "m1", "past the window"));
        assertEquals("too_late", refusal(alicePhone, alice, "x4").code());
        assertEquals(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID, bobPhone.publish(Topics.send(alice),
                reaction("x5", "m1", alice, "a reaction is an emoji, not a whole sentence of text")));

        ChatMessage m1 = only(new HistoryClient(harness.device(bob, "tablet"), bob).pageBackwards(with(alice), 10), "m1");
        assertEquals("hello", m1.body());
        assertNull(m1.edited());
        assertNull(m1.reactions());
    }

    @Test
    void inAGroupMembersReactAdminsDeleteOthersMessagesAndOthersMayNot() {
        harness.archiveWorker("1");
        harness.groupWorker();
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice bobPhone = harness.device(bob, "phone");
        MqttDevice carolPhone = harness.device(carol, "phone");
        MqttDevice dave = harness.device("dave-" + alice, "phone");
        String trip = createGroup(alicePhone, alice, bob, carol);
        bobPhone.publish(Topics.sendToGroup(trip), text("b1", "who brings the tent?"));
        await(carolPhone, Topics.inbox(carol), ChatMessage.class, message -> message.id().equals("b1"));

        String erin = "erin-" + alice;
        MqttDevice erinPhone = harness.device(erin, "phone");
        assertTrue(groupRequest(alicePhone, alice, "{\"v\":1,\"op\":\"add\",\"group\":\"" + trip
                + "\",\"members\":[\"" + erin + "\"]}").ok());

        carolPhone.publish(Topics.sendToGroup(trip), reaction("c1", "b1", bob, "🙋"));
        for (MqttDevice member : List.of(alicePhone, bobPhone, carolPhone)) {
            MessageChange seen = change(member, member == alicePhone ? alice : member == bobPhone ? bob : carol, "c1");
            assertEquals(trip, seen.group());
            assertEquals("🙋", seen.emoji());
        }
        erinPhone.publish(Topics.sendToGroup(trip), reaction("n1", "b1", bob, "👀"));
        assertEquals("not_member", refusal(erinPhone, erin, "n1").code(), "erin joined after b1: she cannot read it");
        bobPhone.publish(Topics.sendToGroup(trip), edit("b2", "b1", "who brings the big tent?"));
        change(carolPhone, carol, "b2");
        assertTrue(changesWithin(erinPhone, Topics.inbox(erin), 1000).isEmpty(),
                "nor does she learn of changes to it: not c1, not the edit's text");
        dave.publish(Topics.sendToGroup(trip), reaction("v1", "b1", bob, "👀"));
        assertEquals("not_member", refusal(dave, "dave-" + alice, "v1").code());
        carolPhone.publish(Topics.sendToGroup(trip), delete("c2", "b1", bob));
        assertEquals("not_allowed", refusal(carolPhone, carol, "c2").code(), "carol is no admin");

        alicePhone.publish(Topics.sendToGroup(trip), delete("a1", "b1", bob));
        assertEquals(alice, change(bobPhone, bob, "a1").from(), "the admin deleted bob's message");
        ChatMessage b1 = only(new HistoryClient(harness.device(carol, "tablet"), carol).pageBackwards(group(trip), 10),
                "b1");
        assertTrue(b1.wasDeleted());
        assertNull(b1.reactions());
    }

    @Test
    void aDeviceOfflineDuringAnEditGetsTheMessageThenItsEditInOrder() {
        harness.archiveWorker("1");
        MqttDevice alicePhone = harness.device(alice, "phone");
        harness.device(bob, "tablet").close();
        alicePhone.publish(Topics.send(bob), text("m1", "draft"));
        alicePhone.publish(Topics.send(bob), edit("e1", "m1", "final"));
        change(alicePhone, alice, "e1");

        MqttDevice bobTablet = harness.device(bob, "tablet");
        assertEquals("draft", await(bobTablet, Topics.inbox(bob), ChatMessage.class, m -> m.id().equals("m1")).body());
        assertEquals("final", change(bobTablet, bob, "e1").body());
    }

    @Test
    void aChangeThatReachesTheArchiveBeforeItsMessageWaitsForItAndOneWhoseMessageNeverComesIsRefused() {
        harness.archiveWorker("1", Clock.systemUTC(), ArchiveSettings.defaults().withChangeWait(Duration.ofSeconds(2)));
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice bobPhone = harness.device(bob, "phone");
        // As when the message was routed on a node whose archive-worker lags: the change comes first.
        MqttDevice otherNode = harness.serviceDevice("svc-archive", "other-node");
        String lane = ServiceTopics.laneFor(ServiceTopics.ARCHIVE, ServiceTopics.conversationKey(alice, bob));
        long now = System.currentTimeMillis();
        otherNode.publish(lane, new String(ArchiveHarness.CODEC.encode(MessageChange.reaction("r1",
                new MessageRef("late", alice), "👍").stamped("r1", bob, alice, now)), StandardCharsets.UTF_8));
        otherNode.publish(lane, new String(ArchiveHarness.CODEC.encode(ChatMessage.text("late", "held up")
                .stamped("late", alice, bob, now - 1)), StandardCharsets.UTF_8));

        assertEquals("👍", change(alicePhone, alice, "r1").emoji(), "applied once its message came");
        change(bobPhone, bob, "r1");
        ChatMessage late = only(new HistoryClient(harness.device(bob, "tablet"), bob).pageBackwards(with(alice), 10),
                "late");
        assertEquals(Map.of(bob, "👍"), late.reactions());

        bobPhone.publish(Topics.send(alice), reaction("r2", "never", alice, "👍"));
        assertEquals("not_found", refusal(bobPhone, bob, "r2").code(), "after the wait, when the message never came");
    }
}
