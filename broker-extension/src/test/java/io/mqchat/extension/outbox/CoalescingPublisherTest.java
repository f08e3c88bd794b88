package io.mqchat.extension.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.Receipt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The batching rules, with the broker's "stored" answer under the test's control; the real broker's side is covered by
 * {@code BatchedReceiptsTest}.
 */
class CoalescingPublisherTest {

    private final Codec codec = new Codec();
    private final List<Sent> sent = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();

    private record Sent(String topic, byte[] payload, CompletableFuture<Void> stored) {
    }

    private CoalescingPublisher publisher(int maxBatchBytes) {
        return new CoalescingPublisher((topic, payload) -> {
            CompletableFuture<Void> stored = new CompletableFuture<>();
            sent.add(new Sent(topic, payload, stored));
            return stored;
        }, Runnable::run, codec, maxBatchBytes, batchSizes::add);
    }

    private static Receipt receipt(int n) {
        return Receipt.delivered("m" + n, "bob", "phone", n);
    }

    private List<Envelope> itemsOf(Sent publish) throws Exception {
        return codec.decodeAll(publish.payload());
    }

    @Test
    void anItemForAnIdleTopicLeavesAloneAndAtOnce() throws Exception {
        CoalescingPublisher publisher = publisher(CoalescingPublisher.DEFAULT_MAX_BATCH_BYTES);
        publisher.publish("u/alice/receipts", receipt(1));
        assertEquals(1, sent.size());
        assertEquals(receipt(1), codec.decode(sent.get(0).payload()));
    }

    @Test
    void whatPilesUpWhileAPublishIsStoredLeavesAsOneBatchInOrder() throws Exception {
        CoalescingPublisher publisher = publisher(CoalescingPublisher.DEFAULT_MAX_BATCH_BYTES);
        for (int n = 1; n <= 5; n++) {
            publisher.publish("u/alice/receipts", receipt(n));
        }
        assertEquals(1, sent.size());
        sent.get(0).stored().complete(null);
        assertEquals(2, sent.size());
        assertEquals(List.of(receipt(2), receipt(3), receipt(4), receipt(5)), itemsOf(sent.get(1)));
        assertEquals(List.of(1, 4), batchSizes);
        sent.get(1).stored().complete(null);
        assertEquals(0, publisher.busyTopics());
    }

    @Test
    void anItemCountsAsStoredOnlyOnceThePublishCarryingItIs() {
        CoalescingPublisher publisher = publisher(CoalescingPublisher.DEFAULT_MAX_BATCH_BYTES);
        CompletableFuture<Void> first = publisher.publish("svc/archive/messages/0", receipt(1));
        CompletableFuture<Void> second = publisher.publish("svc/archive/messages/0", receipt(2));
        CompletableFuture<Void> third = publisher.publish("svc/archive/messages/0", receipt(3));
        assertFalse(first.isDone(), "not before the broker stored it");
        sent.get(0).stored().complete(null);
        assertTrue(first.isDone() && !first.isCompletedExceptionally());
        assertFalse(second.isDone() || third.isDone(), "the batch carrying them is not stored yet");
        sent.get(1).stored().completeExceptionally(new IllegalStateException("broker stopping"));
        assertTrue(second.isCompletedExceptionally() && third.isCompletedExceptionally(),
                "a batch that failed fails every item in it, so their senders send again");
    }

    @Test
    void topicsDoNotWaitForEachOther() throws Exception {
        CoalescingPublisher publisher = publisher(CoalescingPublisher.DEFAULT_MAX_BATCH_BYTES);
        publisher.publish("u/alice/receipts", receipt(1));
        publisher.publish("u/carol/receipts", receipt(2));
        assertEquals(List.of("u/alice/receipts", "u/carol/receipts"), sent.stream().map(Sent::topic).toList());
    }

    @Test
    void aFailedPublishStillLetsTheItemsBehindItGo() throws Exception {
        CoalescingPublisher publisher = publisher(CoalescingPublisher.DEFAULT_MAX_BATCH_BYTES);
        publisher.publish("u/alice/receipts", receipt(1));
        publisher.publish("u/alice/receipts", receipt(2));
        sent.get(0).stored().completeExceptionally(new IllegalStateException("broker stopping"));
        assertEquals(List.of(receipt(2)), itemsOf(sent.get(1)));
    }

    @Test
    void aBatchNeverOutgrowsItsByteLimitAndTheRestFollows() throws Exception {
        int oneItem = codec.encode(receipt(10)).length;
        int limit = 40 + 3 * (oneItem + 1);
        CoalescingPublisher publisher = publisher(limit);
        for (int n = 10; n < 18; n++) {
            publisher.publish("u/alice/receipts", receipt(n));
        }
        List<Envelope> all = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            assertTrue(sent.get(i).payload().length <= limit, "publish " + i + " is larger than the limit");
            all.addAll(itemsOf(sent.get(i)));
            sent.get(i).stored().complete(null);
        }
        assertEquals(List.of(1, 3, 3, 1), batchSizes);
        assertEquals(8, all.size());
        for (int n = 10; n < 18; n++) {
            assertEquals(receipt(n), all.get(n - 10));
        }
    }

    @Test
    void aPublishThatThrowsDoesNotStopItsTopic() throws Exception {
        boolean[] broken = {true};
        List<byte[]> delivered = new ArrayList<>();
        CoalescingPublisher publisher = new CoalescingPublisher((topic, payload) -> {
            if (broken[0]) {
                broken[0] = false;
                throw new IllegalStateException("publish service stopping");
            }
            delivered.add(payload);
            return CompletableFuture.completedFuture(null);
        }, Runnable::run, codec, CoalescingPublisher.DEFAULT_MAX_BATCH_BYTES, size -> { });
        publisher.publish("u/alice/receipts", receipt(1));
        publisher.publish("u/alice/receipts", receipt(2));
        assertEquals(0, publisher.busyTopics());
        assertEquals(List.of(receipt(2)), codec.decodeAll(delivered.get(0)));
    }

    @Test
    void aLongBacklogOfPublishesStoredAtOnceDoesNotRunTheStackOut() throws Exception {
        CompletableFuture<Void> first = new CompletableFuture<>();
        int[] publishes = {0};
        CoalescingPublisher publisher = new CoalescingPublisher((topic, payload) -> {
            publishes[0]++;
            return publishes[0] == 1 ? first : CompletableFuture.completedFuture(null);
        }, Runnable::run, codec, 1, size -> { });
        int items = 50_000;
        for (int n = 0; n < items; n++) {
            publisher.publish("svc/archive/messages", receipt(n));
        }
        assertEquals(items - 1, publisher.waitingItems());
        first.complete(null);
        assertEquals(items, publishes[0]);
        assertEquals(0, publisher.busyTopics());
    }
}
