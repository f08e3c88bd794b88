package io.mqchat.archive.worker;

import static io.mqchat.archive.worker.ArchiveHarness.createGroup;
import static io.mqchat.archive.worker.ArchiveHarness.groupRequest;
import static io.mqchat.archive.worker.ArchiveHarness.text;
import static io.mqchat.archive.worker.HistoryClient.group;
import static io.mqchat.archive.worker.HistoryClient.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.archive.settings.ArchiveSettings;
import io.mqchat.archive.store.ArchiveStore;
import io.mqchat.archive.store.ConversationKey;
import io.mqchat.archive.store.PageQuery;
import io.mqchat.extension.limits.RateLimit;
import io.mqchat.extension.testing.ManualClock;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.ConversationSummary;
import io.mqchat.protocol.Cursor;
import io.mqchat.protocol.GroupRequest;
import io.mqchat.protocol.HistoryRequest;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.Response;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import io.mqchat.protocol.UserSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * History sync end to end: devices chat through the broker, the archive-worker archives, a new device pages; only
 * one's own conversations, only while a member; disappearing messages gone when their time is up.
 */
class HistorySyncTest {

    /** The per-user rate limit guards people, not these tests' deliberate floods. */
    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker(c -> c.withRateLimit(new RateLimit(1_000_000, 1_000_000))
            .withGroupRateLimit(new RateLimit(1_000_000, 1_000_000)));

    private static final int DAY = 86_400;

    @TempDir
    Path dir;
    private ArchiveHarness harness;
    /** Users unique to each test, so that nothing left in the shared broker from another test can interfere. */
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

    private static void assertInConversationOrderWithoutRepeats(List<ChatMessage> messages) {
        for (int i = 1; i < messages.size(); i++) {
            assertTrue(Cursor.of(messages.get(i - 1)).compareTo(Cursor.of(messages.get(i))) < 0,
                    "out of order or repeated at " + i + ": " + messages.get(i - 1) + " then " + messages.get(i));
        }
    }

    private static List<String> idList(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::id).toList();
    }

    private static String disappearing(String id, String body) {
        return "{\"v\":1,\"type\":\"text\",\"id\":\"" + id + "\",\"body\":\"" + body + "\",\"ttl\":" + DAY + "}";
    }

    private static Set<String> idsOf(List<ChatMessage> messages) {
        Set<String> ids = new HashSet<>();
        messages.forEach(m -> ids.add(m.id()));
        return ids;
    }

    @Test
    void aNewDeviceOfBobPagesThroughAThousandMessagesOfAChatInOrderWithoutDuplicates() {
        harness.archiveWorker("1");
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice bobPhone = harness.device(bob, "phone");
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            boolean fromBob = i % 3 == 0;
            String id = "m" + i;
            (fromBob ? bobPhone : alicePhone).publish(Topics.send(fromBob ? alice : bob), text(id, "message " + i));
            sent.add(id);
        }

        HistoryClient newDevice = new HistoryClient(harness.device(bob, "new-tablet"), bob);
        List<ChatMessage> backwards = newDevice.awaitArchived(with(alice), 1000);
        assertEquals(1000, backwards.size());
        assertEquals(sent, idsOf(backwards));
        assertInConversationOrderWithoutRepeats(backwards);
        assertEquals(bob, backwards.stream().filter(m -> m.id().equals("m0")).findFirst().orElseThrow().from());
        assertEquals("message 1", backwards.stream().filter(m -> m.id().equals("m1")).findFirst().orElseThrow().body());

        // Catching up from an old position, as a device that was offline too long does.
        String oldPosition = Cursor.of(backwards.get(399)).toString();
        assertEquals(backwards.subList(400, 1000), newDevice.pageForwards(with(alice), oldPosition, 75));
        assertEquals(backwards, new HistoryClient(harness.device(alice, "laptop"), alice).pageBackwards(with(bob), 50));
    }

    @Test
    void aNewDeviceOfBobPagesThroughAThousandMessagesOfAGroup() {
        harness.archiveWorker("1");
        harness.groupWorker();
        MqttDevice alicePhone = harness.device(alice, "phone");
        String trip = createGroup(alicePhone, alice, bob, carol);
        MqttDevice carolPhone = harness.device(carol, "phone");
        for (int i = 0; i < 1000; i++) {
            MqttDevice sender = i % 4 == 0 ? carolPhone : alicePhone;
            sender.publish(Topics.sendToGroup(trip), text("g" + i, "group message " + i));
        }

        HistoryClient newDevice = new HistoryClient(harness.device(bob, "new-tablet"), bob);
        List<ChatMessage> all = newDevice.awaitArchived(group(trip), 1000);
        assertEquals(1000, all.size());
        assertEquals(IntStream.range(0, 1000).mapToObj(i -> "g" + i).collect(java.util.stream.Collectors.toSet()),
                idsOf(all));
        assertInConversationOrderWithoutRepeats(all);
        assertTrue(all.stream().allMatch(m -> trip.equals(m.group()) && m.to() == null));
        assertEquals(all, newDevice.pageForwards(group(trip), "0/" + alice + "/start", 200));
    }

    @Test
    void anMqtt5RequestIsAnsweredOnItsResponseTopicWithItsCorrelationData() {
        harness.archiveWorker("1");
        harness.device(alice, "phone").publish(Topics.send(bob), text("hello", "hi"));
        MqttDevice bobTablet = harness.device(bob, "tablet");
        new HistoryClient(bobTablet, bob).awaitArchived(with(alice), 1);

        String responseTopic = "u/" + bob + "/history";
        bobTablet.request(Topics.historyRequests(), "{\"v\":1,\"op\":\"messages\"," + with(alice) + "}", responseTopic,
                "corr-7");
        MqttDevice.Received answer = bobTablet.next(responseTopic);
        assertEquals("corr-7", answer.correlation());
        HistoryResponse page = (HistoryResponse) ArchiveHarness.decode(answer.payload());
        assertEquals(List.of("hello"), idList(page.messages()));
        assertEquals(alice, page.with());
        assertFalse(page.more());
    }

    @Test
    void aUserReadsOnlyItsOwnConversations() {
        harness.archiveWorker("1");
        harness.groupWorker();
        MqttDevice alicePhone = harness.device(alice, "phone");
        String trip = createGroup(alicePhone, alice, bob);
        alicePhone.publish(Topics.send(bob), text("secret-1", "for bob only"));
        alicePhone.publish(Topics.sendToGroup(trip), text("secret-2", "for the group only"));
        HistoryClient bobHistory = new HistoryClient(harness.device(bob, "phone"), bob);
        bobHistory.awaitArchived(with(alice), 1);
        bobHistory.awaitArchived(group(trip), 1);

        HistoryClient carolHistory = new HistoryClient(harness.device(carol, "phone"), carol);
        // A 1-1 page is always of the requester's own conversation: carol's with alice is empty.
        HistoryResponse withAlice = carolHistory.ask("{\"v\":1,\"op\":\"messages\"," + with(alice) + "}");
        assertTrue(withAlice.ok());
        assertEquals(List.of(), withAlice.messages());
        HistoryResponse inGroup = carolHistory.ask("{\"v\":1,\"op\":\"messages\"," + group(trip) + "}");
        assertFalse(inGroup.ok());
        assertEquals("not_member", inGroup.code());
        assertNull(inGroup.messages());
        assertEquals(List.of(), carolHistory.ask("{\"v\":1,\"op\":\"conversations\"}").conversations());
    }

    @Test
    void aRemovedMemberCannotReadWhatWasSentAfterItsRemovalAndARejoinedOneOnlyFromItsReturn() {
        harness.archiveWorker("1");
        harness.groupWorker();
        MqttDevice alicePhone = harness.device(alice, "phone");
        String trip = createGroup(alicePhone, alice, bob, carol);
        HistoryClient carolHistory = new HistoryClient(harness.device(carol, "phone"), carol);
        HistoryClient bobHistory = new HistoryClient(harness.device(bob, "phone"), bob);
        alicePhone.publish(Topics.sendToGroup(trip), text("before", "carol is here"));
        assertEquals(1, carolHistory.awaitArchived(group(trip), 1).size());

        assertTrue(groupRequest(alicePhone, alice, "{\"v\":1,\"op\":\"remove\",\"group\":\"" + trip
                + "\",\"members\":[\"" + carol + "\"]}").ok());
        alicePhone.publish(Topics.sendToGroup(trip), text("after", "carol has gone"));
        bobHistory.awaitArchived(group(trip), 2);
        HistoryResponse refused = carolHistory.ask("{\"v\":1,\"op\":\"messages\"," + group(trip) + "}");
        assertEquals("not_member", refused.code());

        assertTrue(groupRequest(alicePhone, alice, "{\"v\":1,\"op\":\"add\",\"group\":\"" + trip
                + "\",\"members\":[\"" + carol + "\"]}").ok());
        alicePhone.publish(Topics.sendToGroup(trip), text("back", "welcome back"));
        bobHistory.awaitArchived(group(trip), 3);
        List<ChatMessage> carolSees = carolHistory.awaitArchived(group(trip), 1);
        assertEquals(List.of("back"), carolSees.stream().map(ChatMessage::id).toList());
    }

    @Test
    void aRemovedMemberStaysOutWhenTheRequestThatAddedItIsDeliveredAgainLater() {
        harness.archiveWorker("1");
        harness.groupWorker();
        MqttDevice alicePhone = harness.device(alice, "phone");
        String trip = createGroup(alicePhone, alice, bob);
        HistoryClient carolHistory = new HistoryClient(harness.device(carol, "phone"), carol);
        HistoryClient bobHistory = new HistoryClient(harness.device(bob, "phone"), bob);
        // Sees the requests the group-worker gets, to hand one out again as the broker does after a worker crash.
        MqttDevice requests = harness.serviceDevice("svc-test", "replay-" + carol);
        String tripRequests = ServiceTopics.laneFor(ServiceTopics.GROUP_REQUESTS, trip);
        assertTrue(requests.subscribe(tripRequests));

        assertTrue(groupRequest(alicePhone, alice, "{\"v\":1,\"op\":\"add\",\"group\":\"" + trip
                + "\",\"members\":[\"" + carol + "\"]}").ok());
        String addCarol = ArchiveHarness.awaitPayload(requests, tripRequests, GroupRequest.class,
                r -> GroupRequest.ADD.equals(r.op()) && trip.equals(r.group()));
        assertTrue(groupRequest(alicePhone, alice, "{\"v\":1,\"op\":\"remove\",\"group\":\"" + trip
                + "\",\"members\":[\"" + carol + "\"]}").ok());

        requests.publish(tripRequests, addCarol);
        String ref = ((GroupRequest) ArchiveHarness.decode(addCarol)).ref();
        assertTrue(ArchiveHarness.await(alicePhone, Topics.responses(alice), Response.class,
                r -> ref.equals(r.ref())).ok(), "the add is answered again");
        alicePhone.publish(Topics.sendToGroup(trip), text("after", "carol has gone"));
        bobHistory.awaitArchived(group(trip), 1);

        HistoryResponse refused = carolHistory.ask("{\"v\":1,\"op\":\"messages\"," + group(trip) + "}");
        assertEquals("not_member", refused.code(), () -> "carol reads " + refused.messages());
    }

    @Test
    void theConversationListShowsLastMessageUnreadCountAndReadMarks() throws Exception {
        harness.archiveWorker("1");
        harness.groupWorker();
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice bobPhone = harness.device(bob, "phone");
        String trip = createGroup(alicePhone, alice, bob);
        alicePhone.publish(Topics.send(bob), text("a1", "one"));
        alicePhone.publish(Topics.send(bob), text("a2", "two"));
        alicePhone.publish(Topics.send(bob), text("a3", "three"));
        alicePhone.publish(Topics.sendToGroup(trip), text("g1", "to all"));
        HistoryClient bobHistory = new HistoryClient(bobPhone, bob);
        bobHistory.awaitArchived(with(alice), 3);
        bobHistory.awaitArchived(group(trip), 1);
        bobPhone.publish(Topics.read(alice), "{\"v\":1,\"upTo\":\"a2\"}");
        HistoryClient aliceHistory = new HistoryClient(alicePhone, alice);

        ConversationSummary seenByAlice = awaitSummary(aliceHistory, bob, s -> s.peerRead() != null);
        ConversationSummary withAlice = awaitSummary(bobHistory, alice, s -> s.read() != null);
        assertEquals("a3", withAlice.last().id());
        assertEquals(1, withAlice.unread());
        assertEquals(withAlice.read(), seenByAlice.peerRead());
        assertEquals("a2", Cursor.parse(withAlice.read()).id());
        ConversationSummary inTrip = awaitSummary(bobHistory, trip, s -> true);
        assertEquals("g1", inTrip.last().id());
        assertEquals(1, inTrip.unread());
        assertEquals(0, inTrip.timer());

        HistoryResponse later = bobHistory.ask("{\"v\":1,\"op\":\"conversations\",\"since\":"
                + (Math.max(withAlice.updated(), inTrip.updated()) + 1) + "}");
        assertEquals(List.of(), later.conversations());
        assertFalse(later.more());

        HistoryResponse badge = bobHistory.ask("{\"v\":1,\"op\":\"unread\"}");
        assertTrue(badge.ok(), badge::toString);
        assertEquals(2, badge.unread(), "a3 and g1: the app's badge");
    }

    @Test
    void aServiceGetsTheUnreadCountOnItsOwnTopicWithTheMessageItAsksAboutCountedEvenBeforeItIsStored() {
        harness.archiveWorker("1");
        MqttDevice alicePhone = harness.device(alice, "phone");
        alicePhone.publish(Topics.send(bob), text("a1", "one"));
        alicePhone.publish(Topics.send(bob), text("a2", "two"));
        List<ChatMessage> stored = new HistoryClient(harness.device(bob, "phone"), bob).awaitArchived(with(alice), 2);
        MqttDevice presence = harness.serviceDevice("svc-presence", "1");
        String answers = ServiceTopics.ROOT + "/presence/unread/test";
        presence.subscribe(answers);

        // As the presence-worker asks for the badge of the push about a2 (stored), and about a3 (routed a moment
        // ago, not stored yet).
        assertEquals(2, askUnread(presence, answers, Cursor.of(stored.get(1))));
        assertEquals(3, askUnread(presence, answers, new Cursor(System.currentTimeMillis() + 60_000, alice, "a3")));
    }

    private int askUnread(MqttDevice service, String answers, Cursor message) {
        String ref = ArchiveHarness.newRef();
        HistoryRequest request = HistoryRequest.unreadIncluding(bob, alice, null, message, ref,
                System.currentTimeMillis());
        service.request(ServiceTopics.laneFor(ServiceTopics.HISTORY_REQUESTS, bob),
                new String(ArchiveHarness.CODEC.encode(request), StandardCharsets.UTF_8), answers, ref);
        HistoryResponse answer = ArchiveHarness.await(service, answers, HistoryResponse.class,
                r -> ref.equals(r.ref()));
        assertTrue(answer.ok(), answer::toString);
        return answer.unread();
    }

    @Test
    void messagesAfterTheTimerDisappearFromHistoryWhenTheirTimeIsUpAndTheSweepDeletesThem() {
        // The worker's clock moves only when the test says so: a day passes in an instant.
        ManualClock clock = new ManualClock(System.currentTimeMillis());
        harness.archiveWorker("1", clock, ArchiveSettings.defaults().withSweepInterval(Duration.ofSeconds(1)));
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice bobPhone = harness.device(bob, "phone");
        alicePhone.publish(Topics.send(bob), text("kept", "said before the timer"));
        alicePhone.publish(Topics.send(bob), "{\"v\":1,\"type\":\"timer\",\"id\":\"timer-on\",\"timer\":" + DAY + "}");
        alicePhone.publish(Topics.send(bob), disappearing("gone-1", "for a day"));
        bobPhone.publish(Topics.send(alice), disappearing("gone-2", "me too"));
        HistoryClient history = new HistoryClient(harness.device(bob, "new-tablet"), bob);
        List<ChatMessage> before = history.awaitArchived(with(alice), 4);
        assertEquals(List.of("kept", "timer-on", "gone-1", "gone-2"), idList(before));
        ConversationSummary summary = history.ask("{\"v\":1,\"op\":\"conversations\"}").conversations().get(0);
        assertEquals(DAY, summary.timer());
        assertEquals("gone-2", summary.last().id());
        assertEquals(3, summary.unread(), "alice's three, bob's own gone-2 aside");

        clock.advance(Duration.ofSeconds(DAY).plusMinutes(1));

        assertEquals(List.of("kept", "timer-on"), idList(history.pageBackwards(with(alice), 10)));
        ConversationSummary after = history.ask("{\"v\":1,\"op\":\"conversations\"}").conversations().get(0);
        assertEquals("timer-on", after.last().id());
        assertEquals(2, after.unread(), "kept and the timer change; gone-1 disappeared");
        // Read as of before the expiry: once the sweep ran, the messages are physically gone.
        ArchiveStore store = harness.store();
        PageQuery all = new PageQuery(ConversationKey.direct(alice, bob), null, null, 10, 0, null);
        long deadline = System.currentTimeMillis() + 20_000;
        List<String> stored = idList(store.page(all, before.get(0).ts()).messages());
        while (stored.size() > 2 && System.currentTimeMillis() < deadline) {
            pause();
            stored = idList(store.page(all, before.get(0).ts()).messages());
        }
        assertEquals(List.of("kept", "timer-on"), stored);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aUserWhoTurnsReadReceiptsOffHasItOnEveryDeviceAndSeesNoPeersReadPosition() {
        harness.archiveWorker("1");
        MqttDevice alicePhone = harness.device(alice, "phone");
        MqttDevice bobDevice = harness.device(bob, "phone");
        HistoryClient bobPhone = new HistoryClient(bobDevice, bob);
        alicePhone.publish(Topics.send(bob), text("s1", "read this"));
        bobPhone.awaitArchived(with(alice), 1);
        bobDevice.publish(Topics.send(alice), text("s2", "and you this"));
        HistoryClient aliceHistory = new HistoryClient(alicePhone, alice);
        aliceHistory.awaitArchived(with(bob), 2);
        alicePhone.publish(Topics.read(bob), "{\"v\":1,\"upTo\":\"s2\"}");
        awaitSummary(bobPhone, alice, s -> s.peerRead() != null);

        HistoryResponse changed = bobPhone.ask(
                "{\"v\":1,\"op\":\"settings\",\"settings\":{\"readReceipts\":false}}");
        assertTrue(changed.ok(), changed::toString);
        assertEquals(new UserSettings(false), changed.settings());
        HistoryClient bobLaptop = new HistoryClient(harness.device(bob, "laptop"), bob);
        assertEquals(new UserSettings(false), bobLaptop.ask("{\"v\":1,\"op\":\"settings\"}").settings());
        assertNull(awaitSummary(bobLaptop, alice, s -> true).peerRead(), "who shares no receipts sees none");
        assertEquals(UserSettings.DEFAULTS, aliceHistory.ask("{\"v\":1,\"op\":\"settings\"}").settings());

        bobLaptop.ask("{\"v\":1,\"op\":\"settings\",\"settings\":{\"readReceipts\":true}}");
        assertNotNull(awaitSummary(bobPhone, alice, s -> true).peerRead(), "on again: alice's read position shows");
    }

    private static ConversationSummary awaitSummary(HistoryClient client, String withOrGroup,
                                                    java.util.function.Predicate<ConversationSummary> ready) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            HistoryResponse list = client.ask("{\"v\":1,\"op\":\"conversations\"}");
            for (ConversationSummary s : list.conversations()) {
                if ((withOrGroup.equals(s.with()) || withOrGroup.equals(s.group())) && ready.test(s)) {
                    return s;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no conversation " + withOrGroup + " as expected in " + list);
            }
            pause();
        }
    }
}
