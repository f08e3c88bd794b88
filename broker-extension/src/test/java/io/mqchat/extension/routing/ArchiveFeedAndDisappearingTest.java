package io.mqchat.extension.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.config.DisappearingTimers;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.HistoryRequest;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ArchiveFeedAndDisappearingTest {

    private static final int SHORT_TIMER = 2;

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker(config -> config.withDisappearingTimers(
            DisappearingTimers.of(List.of(Duration.ofSeconds(SHORT_TIMER), Duration.ofHours(24)))));

    private final Codec codec = new Codec();
    private MqttDevice archive;

    @BeforeEach
    void subscribeAsArchive() {
        archive = MqttDevice.service(broker.get(), "svc-archive", "test");
        assertTrue(archive.subscribe(ServiceTopics.lanes(ServiceTopics.ARCHIVE)));
        assertTrue(archive.subscribe(ServiceTopics.lanes(ServiceTopics.HISTORY_REQUESTS)));
    }

    @AfterEach
    void closeArchive() {
        archive.close();
    }

    /**
     * The next item of {@code type} on {@code topic} that {@code match} accepts, alone or in a batch (the feed batches
     * what piles up). The archive's session outlives each test, so items of other tests may come first and are skipped.
     */
    private <T> T nextFromArchive(String topic, Class<T> type, Predicate<T> match) throws Exception {
        while (true) {
            for (Object item : codec.decodeAll(archive.next(topic).payload().getBytes())) {
                if (type.isInstance(item) && match.test(type.cast(item))) {
                    return type.cast(item);
                }
            }
        }
    }

    private static String archiveLane(String user, String peer) {
        return ServiceTopics.laneFor(ServiceTopics.ARCHIVE, ServiceTopics.conversationKey(user, peer));
    }

    /** Every payload arriving on {@code topic} within {@code millis}. */
    private List<String> drainArchive(String topic, long millis) {
        List<String> payloads = new java.util.ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            archive.poll(topic, Math.max(1, deadline - System.currentTimeMillis()))
                    .ifPresent(r -> payloads.add(r.payload()));
        }
        return payloads;
    }

    @Test
    void everyRoutedMessageReachesTheArchiveOnceAsTheRecipientGetsIt() throws Exception {
        try (MqttDevice alice = MqttDevice.v5(broker.get(), "alice1", "phone");
             MqttDevice aliceLaptop = MqttDevice.v5(broker.get(), "alice1", "laptop");
             MqttDevice bob = MqttDevice.v5(broker.get(), "bob1", "phone")) {
            alice.publish(Topics.send("bob1"), "{\"v\":1,\"type\":\"text\",\"id\":\"m-1\",\"body\":\"for the record\"}");
            String delivered = bob.next(Topics.inbox("bob1")).payload();
            String lane = archiveLane("alice1", "bob1");
            ChatMessage archived = nextFromArchive(lane, ChatMessage.class, m -> "alice1".equals(m.from()));
            assertEquals(codec.decode(delivered.getBytes()), archived);
            assertEquals("alice1", archived.from());
            assertEquals("bob1", archived.to());
            aliceLaptop.next(Topics.inbox("alice1"));
            assertTrue(drainArchive(lane, 500).stream().noneMatch(p -> p.contains("alice1")),
                    "the sender's own copy is not archived again");
        }
    }

    @Test
    void aReadMarkerReachesTheArchiveAsTheReadersReceipt() throws Exception {
        try (MqttDevice bob = MqttDevice.v3(broker.get(), "bob2", "phone")) {
            bob.publish(Topics.read("alice2"), "{\"v\":1,\"upTo\":\"m-7\"}");
            Receipt marker = nextFromArchive(archiveLane("bob2", "alice2"), Receipt.class, r -> "bob2".equals(r.by()));
            assertEquals(Receipt.read("m-7", "bob2", "alice2", marker.ts()), marker);
        }
    }

    @Test
    void aHistoryRequestReachesTheArchiveStampedWithTheRequester() throws Exception {
        try (MqttDevice bob = MqttDevice.v5(broker.get(), "bob3", "tablet")) {
            bob.request(Topics.historyRequests(),
                    "{\"v\":1,\"op\":\"messages\",\"with\":\"alice3\",\"before\":\"5/alice3/m-9\",\"limit\":20,\"ref\":\"h1\",\"by\":\"mallory\"}",
                    Topics.responses("bob3"), "corr-h1");
            String lane = ServiceTopics.laneFor(ServiceTopics.HISTORY_REQUESTS, "bob3");
            MqttDevice.Received forwarded = archive.next(lane);
            while (!forwarded.payload().contains("bob3")) {
                forwarded = archive.next(lane);
            }
            HistoryRequest request = (HistoryRequest) codec.decode(forwarded.payload().getBytes());
            assertEquals(HistoryRequest.withPeer("alice3", "5/alice3/m-9", null, 20, "h1")
                    .stamped("bob3", "tablet", request.ts()), request);
            assertEquals(Topics.responses("bob3"), forwarded.responseTopic());
            assertEquals("corr-h1", forwarded.correlation());
        }
    }

    @Test
    void aMalformedHistoryRequestIsAnsweredAtOnceAndNeverReachesTheArchive() {
        try (MqttDevice bob = MqttDevice.v3(broker.get(), "bob4", "phone")) {
            bob.publish(Topics.historyRequests(), "{\"v\":1,\"op\":\"messages\",\"with\":\"alice4\",\"after\":\"yesterday\",\"ref\":\"h2\"}");
            String error = bob.next(Topics.errors("bob4")).payload();
            assertTrue(error.contains("invalid_envelope"), error);
            assertTrue(error.contains("\"ref\":\"h2\""), "the refusal names the request's ref");
            assertTrue(bob.isConnected());
            assertTrue(drainArchive(ServiceTopics.laneFor(ServiceTopics.HISTORY_REQUESTS, "bob4"), 300).stream()
                    .noneMatch(p -> p.contains("bob4")));
        }
    }

    @Test
    void aDisappearingMessageNeverReachesADeviceThatComesBackAfterItExpired() throws Exception {
        MqttDevice.v5(broker.get(), "bob5", "phone").close();
        MqttDevice.v3(broker.get(), "alice5", "laptop").close();
        try (MqttDevice alice = MqttDevice.v5(broker.get(), "alice5", "phone")) {
            alice.publish(Topics.send("bob5"), "{\"v\":1,\"type\":\"text\",\"id\":\"kept\",\"body\":\"permanent\"}");
            alice.publish(Topics.send("bob5"),
                    "{\"v\":1,\"type\":\"text\",\"id\":\"gone\",\"body\":\"secret\",\"ttl\":" + SHORT_TIMER + "}");
            alice.publish(Topics.send("bob5"), "{\"v\":1,\"type\":\"text\",\"id\":\"kept-too\",\"body\":\"permanent\"}");
        }
        Thread.sleep(SHORT_TIMER * 1000L + 500);
        try (MqttDevice bob = MqttDevice.v5(broker.get(), "bob5", "phone");
             MqttDevice aliceLaptop = MqttDevice.v3(broker.get(), "alice5", "laptop")) {
            assertTrue(bob.next(Topics.inbox("bob5")).payload().contains("\"kept\""));
            assertTrue(bob.next(Topics.inbox("bob5")).payload().contains("\"kept-too\""),
                    "the expired message in between was dropped from the queue");
            assertTrue(aliceLaptop.next(Topics.inbox("alice5")).payload().contains("\"kept\""));
            assertTrue(aliceLaptop.next(Topics.inbox("alice5")).payload().contains("\"kept-too\""),
                    "the sender's other devices lose it too");
        }
    }

    @Test
    void aDisappearingMessageCarriesItsTtlToAnOnlineRecipient() throws Exception {
        try (MqttDevice alice = MqttDevice.v5(broker.get(), "alice6", "phone");
             MqttDevice bob = MqttDevice.v3(broker.get(), "bob6", "phone")) {
            alice.publish(Topics.send("bob6"), "{\"v\":1,\"type\":\"text\",\"id\":\"t1\",\"body\":\"soon gone\",\"ttl\":86400}");
            ChatMessage received = (ChatMessage) codec.decode(bob.next(Topics.inbox("bob6")).payload().getBytes());
            assertEquals(86_400, received.ttl());
            assertEquals(received.ts() + 86_400_000L, received.expiresAt());
        }
    }

    @Test
    void aTimerChangeIsRoutedLikeAMessageAndOnlyOfferedTimersAreAccepted() throws Exception {
        try (MqttDevice alice = MqttDevice.v3(broker.get(), "alice7", "phone");
             MqttDevice bob = MqttDevice.v5(broker.get(), "bob7", "phone")) {
            alice.publish(Topics.send("bob7"), "{\"v\":1,\"type\":\"timer\",\"id\":\"tm-1\",\"timer\":86400}");
            ChatMessage change = (ChatMessage) codec.decode(bob.next(Topics.inbox("bob7")).payload().getBytes());
            assertTrue(change.isTimerChange());
            assertEquals(86_400, change.timer());
            assertEquals("alice7", change.from());
            assertNull(change.body());

            alice.publish(Topics.send("bob7"), "{\"v\":1,\"type\":\"text\",\"id\":\"odd\",\"body\":\"x\",\"ttl\":5}");
            String error = alice.next(Topics.errors("alice7")).payload();
            assertTrue(error.contains("invalid_envelope") && error.contains("\"odd\""), error);
            alice.publish(Topics.send("bob7"), "{\"v\":1,\"type\":\"timer\",\"id\":\"odd-timer\",\"timer\":3}");
            assertTrue(alice.next(Topics.errors("alice7")).payload().contains("odd-timer"));
            alice.publish(Topics.sendToGroup("g7"), "{\"v\":1,\"type\":\"text\",\"id\":\"odd-group\",\"body\":\"x\",\"ttl\":5}");
            assertTrue(alice.next(Topics.errors("alice7")).payload().contains("odd-group"));
            assertTrue(alice.isConnected());

            alice.publish(Topics.send("bob7"), "{\"v\":1,\"type\":\"timer\",\"id\":\"tm-off\",\"timer\":0}");
            assertEquals(0, ((ChatMessage) codec.decode(bob.next(Topics.inbox("bob7")).payload().getBytes())).timer());
        }
    }

    @Test
    void aTimerChangeForAnOfflineUserAsksForNoPushNotification() throws Exception {
        MqttDevice.v5(broker.get(), "bob8", "phone").close();
        try (MqttDevice presence = MqttDevice.service(broker.get(), "svc-presence", "test");
             MqttDevice alice = MqttDevice.v5(broker.get(), "alice8", "phone")) {
            assertTrue(presence.subscribe(ServiceTopics.lanes(ServiceTopics.NOTIFY)));
            alice.publish(Topics.send("bob8"), "{\"v\":1,\"type\":\"timer\",\"id\":\"tm-8\",\"timer\":86400}");
            alice.publish(Topics.send("bob8"), "{\"v\":1,\"type\":\"text\",\"id\":\"tx-8\",\"body\":\"hi\"}");
            String notify = presence.next(ServiceTopics.laneFor(ServiceTopics.NOTIFY, "bob8")).payload();
            assertTrue(notify.contains("tx-8"), "the first notification is the text's, none came for the timer: " + notify);
        }
    }
}
