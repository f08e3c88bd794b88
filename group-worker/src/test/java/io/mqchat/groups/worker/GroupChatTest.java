package io.mqchat.groups.worker;

import static io.mqchat.groups.worker.GroupHarness.await;
import static io.mqchat.groups.worker.GroupHarness.createGroup;
import static io.mqchat.groups.worker.GroupHarness.drain;
import static io.mqchat.groups.worker.GroupHarness.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.config.DisappearingTimers;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.ErrorReply;
import io.mqchat.protocol.GroupEvent;
import io.mqchat.protocol.GroupInfo;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.Response;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import io.mqchat.protocol.Typing;
import io.mqchat.service.OutboundMessage;
import io.mqchat.service.ServiceConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group chat end to end: a real broker and extension, two group-worker instances splitting the lanes (so a group's
 * creation and its later traffic may cross instances), plain MQTT 5 devices.
 */
class GroupChatTest {

    private static final int MAX_MEMBERS = 6;
    private static final int SHORT_TIMER = 2;

    @TempDir
    static Path dir;
    private static GroupHarness harness;

    @BeforeAll
    static void start() {
        harness = GroupHarness.start(dir, config -> config.withDisappearingTimers(
                DisappearingTimers.of(List.of(Duration.ofSeconds(SHORT_TIMER), Duration.ofDays(7)))));
        harness.worker("1", "0-7", MAX_MEMBERS);
        harness.worker("2", "8-15", MAX_MEMBERS);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static String user(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String text(String id, String body) {
        return "{\"v\":1,\"type\":\"text\",\"id\":\"" + id + "\",\"body\":\"" + body + "\"}";
    }

    private static ChatMessage message(MqttDevice device, String user, String id) {
        return await(device, Topics.inbox(user), ChatMessage.class, m -> id.equals(m.id()));
    }

    @Test
    void aMessageReachesEveryMembersDevicesAndTheSenderSeesDeliveredAndReadPerMember() {
        String alice = user("alice");
        List<String> others = List.of(user("bob"), user("carol"), user("dave"), user("erin"));
        MqttDevice phone = harness.device(alice, "phone");
        MqttDevice laptop = harness.device(alice, "laptop");
        List<MqttDevice> otherDevices = others.stream().map(u -> harness.device(u, "phone")).toList();

        String group = createGroup(phone, alice, "Five", others.toArray(String[]::new));
        for (int i = 0; i < others.size(); i++) {
            GroupEvent created = await(otherDevices.get(i), Topics.inbox(others.get(i)), GroupEvent.class,
                    e -> group.equals(e.group()));
            assertEquals(GroupEvent.CREATED, created.event());
            assertEquals(alice, created.by());
            assertEquals("Five", created.name());
        }

        phone.publish(Topics.sendToGroup(group), text("m1", "hello group"));

        for (int i = 0; i < others.size(); i++) {
            ChatMessage received = message(otherDevices.get(i), others.get(i), "m1");
            assertEquals(alice, received.from());
            assertEquals(group, received.group());
            assertEquals("hello group", received.body());
            assertNotNull(received.ts());
        }
        assertEquals(group, message(laptop, alice, "m1").group());
        assertTrue(drain(phone, Topics.inbox(alice), ChatMessage.class, 500).isEmpty(),
                "the sending device does not get its own message back");

        Set<String> deliveredTo = new HashSet<>();
        while (!deliveredTo.containsAll(others)) {
            Receipt receipt = await(phone, Topics.receipts(alice), Receipt.class,
                    r -> r.isDelivered() && "m1".equals(r.id()) && group.equals(r.group()));
            deliveredTo.add(receipt.by());
            assertNotNull(receipt.device());
        }

        for (int i = 0; i < others.size(); i++) {
            otherDevices.get(i).publish(Topics.readInGroup(group), "{\"v\":1,\"upTo\":\"m1\"}");
        }
        Set<String> readBy = new HashSet<>();
        while (!readBy.containsAll(others)) {
            Receipt receipt = await(phone, Topics.receipts(alice), Receipt.class,
                    r -> r.isRead() && "m1".equals(r.upTo()) && group.equals(r.group()));
            readBy.add(receipt.by());
        }
    }

    @Test
    void aMemberWithReadReceiptsOffSyncsItsOwnDevicesWhileNoOtherMemberLearnsOfTheRead() {
        String alice = user("alice");
        String bob = user("bob");
        MqttDevice phone = harness.device(alice, "phone");
        MqttDevice bobPhone = harness.device(bob, "phone");
        MqttDevice bobLaptop = harness.device(bob, "laptop");
        String group = createGroup(phone, alice, "Quiet", bob);
        phone.publish(Topics.sendToGroup(group), text("q1", "anyone?"));
        message(bobPhone, bob, "q1");

        bobPhone.publish(Topics.readInGroup(group), "{\"v\":1,\"upTo\":\"q1\",\"shared\":false}");
        Receipt synced = await(bobLaptop, Topics.receipts(bob), Receipt.class, Receipt::isRead);
        assertEquals(Receipt.readInGroup("q1", bob, group, synced.ts()).unshared(), synced);
        assertTrue(drain(phone, Topics.receipts(alice), Receipt.class, 1000).stream().noneMatch(Receipt::isRead),
                "alice learns of no READ");

        bobPhone.publish(Topics.readInGroup(group), "{\"v\":1,\"upTo\":\"q1\"}");
        assertEquals(bob, await(phone, Topics.receipts(alice), Receipt.class, Receipt::isRead).by(),
                "a shared marker reaches her");
    }

    @Test
    void anOfflineMemberReceivesGroupMessagesOnReconnect() {
        String alice = user("alice");
        String bob = user("bob");
        MqttDevice phone = harness.device(alice, "phone");
        MqttDevice.v5(harness.broker(), bob, "phone").close();

        String group = createGroup(phone, alice, "Later", bob);
        for (int i = 1; i <= 3; i++) {
            phone.publish(Topics.sendToGroup(group), text("off" + i, "message " + i));
        }

        MqttDevice bobAgain = harness.device(bob, "phone");
        assertEquals(GroupEvent.CREATED, await(bobAgain, Topics.inbox(bob), GroupEvent.class,
                e -> group.equals(e.group())).event());
        for (int i = 1; i <= 3; i++) {
            assertEquals("message " + i, message(bobAgain, bob, "off" + i).body());
        }
    }

    @Test
    void theArchiveGetsEveryGroupMessageReadMarkerAndMembershipChangeOnce() {
        String alice = user("alice");
        String bob = user("bob");
        MqttDevice archive = MqttDevice.service(harness.broker(), "svc-archive", "test");
        assertTrue(archive.subscribe(ServiceTopics.lanes(ServiceTopics.ARCHIVE)));
        try {
            MqttDevice phone = harness.device(alice, "phone");
            MqttDevice bobPhone = harness.device(bob, "phone");
            String group = createGroup(phone, alice, "Minutes", bob);
            String lane = ServiceTopics.laneFor(ServiceTopics.ARCHIVE, group);
            GroupEvent created = await(archive, lane, GroupEvent.class, e -> group.equals(e.group()));
            assertEquals(Set.of(alice, bob), new HashSet<>(created.members()));

            phone.publish(Topics.sendToGroup(group), text("minuted", "for the record"));
            ChatMessage archived = await(archive, lane, ChatMessage.class, m -> group.equals(m.group()));
            assertEquals(message(bobPhone, bob, "minuted"), archived);
            bobPhone.publish(Topics.readInGroup(group), "{\"v\":1,\"upTo\":\"minuted\"}");
            Receipt read = await(archive, lane, Receipt.class, r -> group.equals(r.group()));
            assertEquals(Receipt.readInGroup("minuted", bob, group, read.ts()), read);
            assertTrue(drain(archive, lane, ChatMessage.class, 500).isEmpty(),
                    "one copy per message, not one per member");
        } finally {
            archive.close();
        }
    }

    @Test
    void aDisappearingGroupMessageNeverReachesAMemberThatComesBackAfterItExpired() {
        String alice = user("alice");
        String bob = user("bob");
        MqttDevice phone = harness.device(alice, "phone");
        MqttDevice laptop = harness.device(alice, "laptop");
        MqttDevice.v5(harness.broker(), bob, "phone").close();
        String group = createGroup(phone, alice, "Ephemeral", bob);
        phone.publish(Topics.sendToGroup(group),
                "{\"v\":1,\"type\":\"text\",\"id\":\"gone\",\"body\":\"secret\",\"ttl\":" + SHORT_TIMER + "}");
        phone.publish(Topics.sendToGroup(group), text("kept", "permanent"));
        message(laptop, alice, "kept");
        sleep(SHORT_TIMER * 1000L + 500);

        MqttDevice bobAgain = harness.device(bob, "phone");
        assertEquals("permanent", message(bobAgain, bob, "kept").body());
        assertTrue(drain(bobAgain, Topics.inbox(bob), ChatMessage.class, 500).stream().noneMatch(m -> "gone".equals(m.id())),
                "the expired message was dropped from the member's queue");
    }

    @Test
    void aNonMemberCanNeitherSendNorReadAndARemovedMemberReceivesNothingAfterRemoval() {
        String alice = user("alice");
        String bob = user("bob");
        String carol = user("carol");
        String mallory = user("mallory");
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice bobPhone = harness.device(bob, "phone");
        MqttDevice carolPhone = harness.device(carol, "phone");
        MqttDevice malloryPhone = harness.device(mallory, "phone");
        String group = createGroup(alicePhone, alice, "Closed", bob, carol);

        malloryPhone.publish(Topics.sendToGroup(group), text("intrusion", "let me in"));
        ErrorReply refused = await(malloryPhone, Topics.errors(mallory), ErrorReply.class,
                e -> "intrusion".equals(e.ref()));
        assertEquals("not_member", refused.code());
        assertEquals(Topics.sendToGroup(group), refused.topic());
        Response info = request(malloryPhone, mallory, "{\"v\":1,\"op\":\"info\",\"group\":\"" + group + "\"}");
        assertFalse(info.ok());
        assertEquals("not_member", info.code());
        malloryPhone.publish(Topics.readInGroup(group), "{\"v\":1,\"upTo\":\"m1\"}");
        assertEquals("not_member", await(malloryPhone, Topics.errors(mallory), ErrorReply.class,
                e -> Topics.readInGroup(group).equals(e.topic())).code());

        Response removed = request(alicePhone, alice, "{\"v\":1,\"op\":\"remove\",\"group\":\"" + group
                + "\",\"members\":[\"" + carol + "\"]}");
        assertTrue(removed.ok(), removed::toString);
        assertEquals(List.of(alice, bob), removed.group().members());
        GroupEvent removal = await(carolPhone, Topics.inbox(carol), GroupEvent.class,
                e -> GroupEvent.REMOVED.equals(e.event()));
        assertEquals(List.of(carol), removal.members());

        alicePhone.publish(Topics.sendToGroup(group), text("after-removal", "carol is gone"));
        List<ChatMessage> bobSaw = List.of(message(bobPhone, bob, "after-removal"));
        assertEquals(1, bobSaw.size());
        assertTrue(drain(carolPhone, Topics.inbox(carol), ChatMessage.class, 1000).isEmpty());
        assertTrue(drain(bobPhone, Topics.inbox(bob), ChatMessage.class, 200).stream()
                .noneMatch(m -> "intrusion".equals(m.id())), "the non-member's message reached nobody");
        carolPhone.publish(Topics.sendToGroup(group), text("from-outside", "still here?"));
        assertEquals("not_member", await(carolPhone, Topics.errors(carol), ErrorReply.class,
                e -> "from-outside".equals(e.ref())).code());
    }

    @Test
    void noMessageSentAfterTheRemovalAnswerReachesTheRemovedMember() {
        String alice = user("alice");
        String bob = user("bob");
        String carol = user("carol");
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice bobPhone = harness.device(bob, "phone");
        MqttDevice carolPhone = harness.device(carol, "phone");
        for (int round = 0; round < 10; round++) {
            String group = createGroup(alicePhone, alice, "Race " + round, bob, carol);
            // Warm both instances' view of the group, as a busy group would have it.
            alicePhone.publish(Topics.sendToGroup(group), text("before-" + round, "carol is here"));
            message(carolPhone, carol, "before-" + round);
            message(bobPhone, bob, "before-" + round);

            assertTrue(request(alicePhone, alice, "{\"v\":1,\"op\":\"remove\",\"group\":\"" + group
                    + "\",\"members\":[\"" + carol + "\"]}").ok());
            bobPhone.publish(Topics.sendToGroup(group), text("after-bob-" + round, "carol is gone"));
            alicePhone.publish(Topics.sendToGroup(group), text("after-alice-" + round, "carol is gone"));
            message(bobPhone, bob, "after-alice-" + round);
            message(alicePhone, alice, "after-bob-" + round);
        }
        List<String> leaked = drain(carolPhone, Topics.inbox(carol), ChatMessage.class, 1000).stream()
                .map(ChatMessage::id).filter(id -> id.startsWith("after-")).toList();
        assertEquals(List.of(), leaked, "messages sent after carol's removal was answered");
    }

    @Test
    void everyInstanceForgetsCachedMembershipWhenAnyInstanceChangesIt() {
        String alice = user("alice");
        String bob = user("bob");
        String carol = user("carol");
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice bobPhone = harness.device(bob, "phone");
        MqttDevice carolPhone = harness.device(carol, "phone");
        String group = createGroup(alicePhone, alice, "Cached", bob);
        for (int i = 0; i < 10; i++) {
            // Enough messages that both instances have the membership cached.
            alicePhone.publish(Topics.sendToGroup(group), text("warm" + i, "warm-up"));
        }
        assertEquals(10, new Inbox(bobPhone, bob).collect(10, 20_000).distinct());

        assertTrue(request(alicePhone, alice, "{\"v\":1,\"op\":\"remove\",\"group\":\"" + group
                + "\",\"members\":[\"" + bob + "\"]}").ok());
        assertTrue(request(alicePhone, alice, "{\"v\":1,\"op\":\"add\",\"group\":\"" + group
                + "\",\"members\":[\"" + carol + "\"]}").ok());
        // The other instance hears of the change through the broker, a few milliseconds after the requester.
        sleep(200);
        for (int i = 0; i < 10; i++) {
            alicePhone.publish(Topics.sendToGroup(group), text("after" + i, "after the change"));
        }

        Inbox carolInbox = new Inbox(carolPhone, carol).collect(10, 20_000);
        assertEquals(10, carolInbox.distinct(), "the new member gets every message sent after joining");
        assertTrue(IntStream.range(0, 10).allMatch(i -> carolInbox.has(alice, "after" + i)));
        assertFalse(IntStream.range(0, 10).anyMatch(i -> carolInbox.has(alice, "warm" + i)),
                "and none sent before");
        assertEquals(0, new Inbox(bobPhone, bob).collect(1, 1000).distinct(), "the removed member gets none");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theMemberLimitIsEnforcedWithAClearError() {
        String alice = user("alice");
        MqttDevice phone = harness.device(alice, "phone");
        String[] six = {user("a"), user("b"), user("c"), user("d"), user("e"), user("f")};

        Response tooBig = request(phone, alice, "{\"v\":1,\"op\":\"create\",\"name\":\"Crowd\",\"members\":["
                + GroupHarness.quoted(six) + "]}");
        assertFalse(tooBig.ok());
        assertEquals("limit_reached", tooBig.code());
        assertTrue(tooBig.message().contains(String.valueOf(MAX_MEMBERS)), tooBig.message());

        String group = createGroup(phone, alice, "Full", java.util.Arrays.copyOf(six, 5));
        Response oneMore = request(phone, alice, "{\"v\":1,\"op\":\"add\",\"group\":\"" + group
                + "\",\"members\":[\"" + six[5] + "\"]}");
        assertEquals("limit_reached", oneMore.code());
        assertEquals(MAX_MEMBERS, request(phone, alice, "{\"v\":1,\"op\":\"info\",\"group\":\"" + group + "\"}")
                .group().members().size());
    }

    @Test
    void adminRequestsManageTheGroupAndMembersHearOfEveryChange() {
        String alice = user("alice");
        String bob = user("bob");
        String carol = user("carol");
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice bobPhone = harness.device(bob, "phone");
        MqttDevice carolPhone = harness.device(carol, "phone");
        String group = createGroup(alicePhone, alice, "Club", bob);

        Response notAdmin = request(bobPhone, bob, "{\"v\":1,\"op\":\"add\",\"group\":\"" + group
                + "\",\"members\":[\"" + carol + "\"]}");
        assertEquals("not_admin", notAdmin.code());
        assertEquals("unknown_group", request(bobPhone, bob,
                "{\"v\":1,\"op\":\"info\",\"group\":\"g-nope\"}").code());

        assertTrue(request(alicePhone, alice, "{\"v\":1,\"op\":\"add\",\"group\":\"" + group
                + "\",\"members\":[\"" + carol + "\"]}").ok());
        GroupEvent added = await(bobPhone, Topics.inbox(bob), GroupEvent.class, e -> GroupEvent.ADDED.equals(e.event()));
        assertEquals(List.of(carol), added.members());
        assertEquals(GroupEvent.ADDED, await(carolPhone, Topics.inbox(carol), GroupEvent.class,
                e -> group.equals(e.group())).event());

        Response renamed = request(alicePhone, alice, "{\"v\":1,\"op\":\"rename\",\"group\":\"" + group
                + "\",\"name\":\"Book club\"}");
        assertEquals("Book club", renamed.group().name());
        assertEquals("Book club", await(carolPhone, Topics.inbox(carol), GroupEvent.class,
                e -> GroupEvent.RENAMED.equals(e.event())).name());

        Response left = request(alicePhone, alice, "{\"v\":1,\"op\":\"leave\",\"group\":\"" + group + "\"}");
        assertTrue(left.ok());
        assertEquals(List.of(bob), left.group().admins(), "the longest-standing member takes over");
        assertEquals(GroupEvent.LEFT, await(bobPhone, Topics.inbox(bob), GroupEvent.class,
                e -> GroupEvent.LEFT.equals(e.event())).event());

        List<GroupInfo> mine = request(carolPhone, carol, "{\"v\":1,\"op\":\"mine\"}").groups();
        assertEquals(List.of(group), mine.stream().map(GroupInfo::id).toList());
        assertEquals(List.of(bob, carol), mine.get(0).members());
        assertTrue(request(alicePhone, alice, "{\"v\":1,\"op\":\"mine\"}").groups().isEmpty());
    }

    @Test
    void typingReachesTheOtherMembersOnly() {
        String alice = user("alice");
        String bob = user("bob");
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice bobPhone = harness.device(bob, "phone");
        String group = createGroup(alicePhone, alice, "Chatty", bob);

        alicePhone.publishAtMostOnce(Topics.typingInGroup(group), "{\"v\":1,\"state\":\"typing\"}");
        Typing typing = await(bobPhone, Topics.typing(bob), Typing.class, t -> group.equals(t.group()));
        assertEquals(alice, typing.from());
        assertTrue(drain(alicePhone, Topics.typing(alice), Typing.class, 300).isEmpty());
    }

    @Test
    void garbageOnTheWorkerTopicsIsSkippedAndLaterMessagesStillFlow() {
        String alice = user("alice");
        String bob = user("bob");
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice bobPhone = harness.device(bob, "phone");
        String group = createGroup(alicePhone, alice, "Robust", bob);

        try (ServiceConnection intruder = ServiceConnection.builder().host(harness.broker().host())
                .port(harness.broker().port()).clientId("svc-test:garbage")
                .token(() -> harness.broker().serviceToken("svc-test")).build()) {
            intruder.connect();
            for (String topic : List.of(ServiceTopics.lane(ServiceTopics.GROUP_TRAFFIC, 0),
                    ServiceTopics.lane(ServiceTopics.GROUP_REQUESTS, 0), ServiceTopics.lane(ServiceTopics.GROUP_TRAFFIC, 9),
                    ServiceTopics.lane(ServiceTopics.GROUP_REQUESTS, 9), ServiceTopics.GROUP_CHANGES)) {
                for (String junk : List.of("not json", "{\"v\":1,\"type\":\"text\"}", "{\"v\":1,\"type\":\"notice\"}",
                        "{\"v\":1,\"type\":\"group_request\",\"op\":\"create\"}")) {
                    intruder.publish(OutboundMessage.to(topic, junk.getBytes(StandardCharsets.UTF_8)).build()).join();
                }
            }
        }

        alicePhone.publish(Topics.sendToGroup(group), text("still-works", "fine"));
        assertEquals("fine", message(bobPhone, bob, "still-works").body());
        assertTrue(request(alicePhone, alice, "{\"v\":1,\"op\":\"info\",\"group\":\"" + group + "\"}").ok());
    }
}
