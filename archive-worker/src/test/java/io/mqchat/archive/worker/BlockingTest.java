package io.mqchat.archive.worker;

import static io.mqchat.archive.worker.ArchiveHarness.createGroup;
import static io.mqchat.archive.worker.ArchiveHarness.groupRequest;
import static io.mqchat.archive.worker.ArchiveHarness.text;
import static io.mqchat.archive.worker.HistoryClient.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.Batch;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.ErrorReply;
import io.mqchat.protocol.GroupInfo;
import io.mqchat.protocol.ConversationSummary;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.Presence;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.Response;
import io.mqchat.protocol.Topics;
import io.mqchat.protocol.Typing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocking end to end, as a third-party MQTT client does it by docs/PROTOCOL.md: a {@code settings} request with
 * {@code block}; what the blocked user then sends is SENT to it but reaches none of the blocker's devices, online or
 * offline, not even after an unblock, nor its history; its typing and presence do not reach the blocker either.
 */
class BlockingTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();

    @TempDir
    Path dir;
    private ArchiveHarness harness;
    private String alice;
    private String mallory;
    private String bob;

    @BeforeEach
    void start() {
        harness = new ArchiveHarness(broker.get(), dir);
        String run = UUID.randomUUID().toString().substring(0, 8);
        alice = "alice-" + run;
        mallory = "mallory-" + run;
        bob = "bob-" + run;
        harness.archiveWorker("1");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static String block(String user) {
        return "{\"v\":1,\"op\":\"settings\",\"settings\":{\"block\":\"" + user + "\"}}";
    }

    private static String unblock(String user) {
        return "{\"v\":1,\"op\":\"settings\",\"settings\":{\"unblock\":\"" + user + "\"}}";
    }

    private static String reaction(String id, String targetId, String targetFrom, String emoji) {
        return "{\"v\":1,\"type\":\"reaction\",\"id\":\"" + id + "\",\"target\":{\"id\":\"" + targetId
                + "\",\"from\":\"" + targetFrom + "\"},\"emoji\":\"" + emoji + "\"}";
    }

    private static String typing(String state) {
        return "{\"v\":1,\"state\":\"" + state + "\"}";
    }

    /** The envelopes of {@code type} on {@code topic}, a batch's items one by one, up to the first matching one. */
    private static <T extends Envelope> List<T> until(MqttDevice device, String topic, Class<T> type,
                                                      Predicate<T> last) {
        List<T> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<MqttDevice.Received> next = device.poll(topic, deadline - System.currentTimeMillis());
            if (next.isEmpty()) {
                continue;
            }
            Envelope envelope = ArchiveHarness.decode(next.get().payload());
            for (Envelope item : envelope instanceof Batch batch ? batch.items() : List.of(envelope)) {
                if (type.isInstance(item)) {
                    seen.add(type.cast(item));
                    if (last.test(type.cast(item))) {
                        return seen;
                    }
                }
            }
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " on " + topic + " after " + seen);
    }

    private static List<String> ids(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::id).toList();
    }

    @Test
    void whatABlockedUserSendsIsSentButReachesNoDeviceOfTheBlockerNotEvenAfterTheUnblock() {
        MqttDevice aliceLaptop = MqttDevice.v3(broker.get(), alice, "laptop");
        aliceLaptop.close(); // offline, with a session that would queue what comes for it
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice malloryPhone = harness.device(mallory, "phone");
        HistoryClient aliceHistory = new HistoryClient(alicePhone, alice);
        HistoryClient malloryHistory = new HistoryClient(harness.device(mallory, "tablet"), mallory);

        alicePhone.publish(Topics.send(mallory), text("a0", "who is this?"));
        ArchiveHarness.await(malloryPhone, Topics.inbox(mallory), ChatMessage.class, m -> m.id().equals("a0"));
        assertEquals(List.of(mallory), aliceHistory.ask(block(mallory)).settings().blocked());
        malloryPhone.publish(Topics.send(alice), reaction("r1", "a0", alice, "😡"));
        ArchiveHarness.await(malloryPhone, Topics.inbox(mallory), MessageChange.class, c -> c.id().equals("r1"));
        assertEquals(Mqtt5PubAckReasonCode.SUCCESS, malloryPhone.publish(Topics.send(alice), text("m1", "hi")),
                "SENT, as WhatsApp does: the blocked user is not told");
        assertEquals(Mqtt5PubAckReasonCode.SUCCESS, malloryPhone.publish(Topics.send(alice), text("m2", "hello?")));
        malloryPhone.publishAtMostOnce(Topics.typingTo(alice), typing(Typing.TYPING));

        assertEquals(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, alicePhone.publish(Topics.send(mallory), text("a1", "x")),
                "who blocked someone cannot write to it");
        ErrorReply refused = ArchiveHarness.await(alicePhone, Topics.errors(alice), ErrorReply.class,
                error -> "a1".equals(error.ref()));
        assertEquals(ErrorCode.BLOCKED.wireName(), refused.code());

        long deadline = System.currentTimeMillis() + 20_000;
        while (malloryHistory.pageBackwards(with(alice), 10).size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(List.of("a0", "m1", "m2"), ids(malloryHistory.pageBackwards(with(alice), 10)),
                "the sender keeps them");
        List<ChatMessage> seenByAlice = aliceHistory.pageBackwards(with(mallory), 10);
        assertEquals(List.of("a0"), ids(seenByAlice), "the blocker never sees them");
        assertNull(seenByAlice.get(0).reactions(), "nor the reaction made while blocked: it was kept nowhere");
        ConversationSummary withMallory = aliceHistory.ask("{\"v\":1,\"op\":\"conversations\"}").conversations()
                .stream().filter(c -> mallory.equals(c.with())).findFirst().orElseThrow();
        assertEquals("a0", withMallory.last().id(), "nor in the conversation list");
        assertEquals(0, withMallory.unread());

        assertEquals(List.of(), aliceHistory.ask(unblock(mallory)).settings().blocked());
        malloryPhone.publishAtMostOnce(Topics.typingTo(alice), typing(Typing.PAUSED));
        malloryPhone.publish(Topics.send(alice), text("m3", "still there?"));
        assertEquals(List.of("m3"), ids(until(alicePhone, Topics.inbox(alice), ChatMessage.class,
                message -> message.id().equals("m3"))), "after the unblock, only what came after it");
        malloryPhone.publish(Topics.send(alice), reaction("r2", "a0", alice, "🙏"));
        assertEquals("r2", until(alicePhone, Topics.inbox(alice), MessageChange.class, c -> true).get(0).id(),
                "the reaction made while blocked was told to mallory alone");
        assertEquals(Typing.PAUSED, until(alicePhone, Topics.typing(alice), Typing.class, t -> true).get(0).state(),
                "the typing signal sent while blocked never came");
        MqttDevice laptopBack = MqttDevice.v3(broker.get(), alice, "laptop");
        assertEquals(List.of("a0", "m3"), ids(until(laptopBack, Topics.inbox(alice), ChatMessage.class,
                message -> message.id().equals("m3"))), "nothing sent while blocked was queued for the laptop");
        List<Receipt> receipts = until(malloryPhone, Topics.receipts(mallory), Receipt.class,
                receipt -> receipt.isDelivered() && receipt.id().equals("m3"));
        assertTrue(receipts.stream().noneMatch(receipt -> receipt.id().equals("m1") || receipt.id().equals("m2")),
                "never DELIVERED: " + receipts);
        List<ChatMessage> afterUnblock = aliceHistory.pageBackwards(with(mallory), 10);
        assertEquals(List.of("a0", "m3"), ids(afterUnblock), "what came while blocked stays hidden, as in WhatsApp");
        assertEquals(Map.of(mallory, "🙏"), afterUnblock.get(0).reactions());
        laptopBack.close();
    }

    @Test
    void whatWasSentBeforeTheBlockStillArrivesButTheBlockedUsersPresenceNoLonger() {
        MqttDevice aliceLaptop = MqttDevice.v3(broker.get(), alice, "laptop");
        aliceLaptop.close();
        MqttDevice malloryPhone = harness.device(mallory, "phone");
        malloryPhone.publish(Topics.send(alice), text("q1", "before the block"));
        MqttDevice presence = harness.serviceDevice("svc-presence", "t" + UUID.randomUUID());
        presence.publishRetained(Topics.presence(mallory),
                "{\"v\":1,\"type\":\"presence\",\"user\":\"" + mallory + "\",\"online\":true,\"ts\":1}");

        MqttDevice alicePhone = harness.device(alice, "phone");
        HistoryClient aliceHistory = new HistoryClient(alicePhone, alice);
        aliceHistory.ask(block(mallory));
        MqttDevice laptop = MqttDevice.v3(broker.get(), alice, "laptop");
        assertEquals(List.of("q1"), ids(until(laptop, Topics.inbox(alice), ChatMessage.class,
                message -> message.id().equals("q1"))), "sent before the block: it arrives, as history has it");
        assertTrue(laptop.subscribe(Topics.presence(mallory)));
        assertTrue(laptop.subscribe(Topics.presence(bob)));
        presence.publishRetained(Topics.presence(bob),
                "{\"v\":1,\"type\":\"presence\",\"user\":\"" + bob + "\",\"online\":true,\"ts\":2}");
        assertEquals(bob, until(laptop, Topics.presence(bob), Presence.class, p -> true).get(0).user());
        assertFalse(laptop.poll(Topics.presence(mallory), 500).isPresent(), "the blocked user's presence is not shown");
        presence.publishRetained(Topics.presence(mallory),
                "{\"v\":1,\"type\":\"presence\",\"user\":\"" + mallory + "\",\"online\":false,\"ts\":3}");

        aliceHistory.ask(unblock(mallory));
        presence.publishRetained(Topics.presence(mallory),
                "{\"v\":1,\"type\":\"presence\",\"user\":\"" + mallory + "\",\"online\":true,\"ts\":4}");
        assertEquals(4L, until(laptop, Topics.presence(mallory), Presence.class, p -> true).get(0).ts(),
                "after the unblock her presence is shown again; none of the changes while blocked was");
        laptop.close();
    }

    @Test
    void aBlockedUserCannotPutTheBlockerIntoAGroupButAGroupTheyShareStillCarriesItsMessages() {
        harness.groupWorker();
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice malloryPhone = harness.device(mallory, "phone");
        MqttDevice bobPhone = harness.device(bob, "phone");
        String shared = createGroup(bobPhone, bob, alice, mallory);
        new HistoryClient(alicePhone, alice).ask(block(mallory));

        Response created = groupRequest(malloryPhone, mallory,
                "{\"v\":1,\"op\":\"create\",\"name\":\"Trap\",\"members\":[\"" + alice + "\",\"" + bob + "\"]}");
        assertEquals(List.of(mallory, bob), created.group().members(), "the blocker is left out");
        Response added = groupRequest(malloryPhone, mallory, "{\"v\":1,\"op\":\"add\",\"group\":\""
                + created.group().id() + "\",\"members\":[\"" + alice + "\"]}");
        assertFalse(added.group().members().contains(alice));
        assertEquals(List.of(shared), groupRequest(alicePhone, alice, "{\"v\":1,\"op\":\"mine\"}").groups().stream()
                .map(GroupInfo::id).toList(), "the blocker is in no group of the blocked user's making");

        malloryPhone.publish(Topics.sendToGroup(shared), text("g1", "hello all"));
        assertEquals(mallory, until(alicePhone, Topics.inbox(alice), ChatMessage.class,
                message -> message.id().equals("g1")).get(0).from(),
                "a group is everyone's: as in WhatsApp, the blocked member's messages there still show");
    }
}
