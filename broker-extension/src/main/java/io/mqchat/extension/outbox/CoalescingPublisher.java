package io.mqchat.extension.outbox;

import io.mqchat.protocol.Batch;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server publishes with at most one in flight per topic: what arrives for a topic while its previous publish is being
 * stored leaves together, as one {@link Batch}, the moment that publish completes. Alone or under light load an item
 * goes out by itself and at once; under load a busy topic's items share publishes, so the broker queues, persists and
 * delivers one message per batch instead of one per item. No timer is involved, so nothing ever waits for a batch to
 * fill. Items keep their order per topic.
 *
 * <p>Used for traffic that comes in bursts to one topic: the DELIVERED receipts of a sender (a group message yields one
 * per member device at nearly the same moment) and the archive feed (one item per routed message).
 */
public final class CoalescingPublisher {

    /**
     * The largest batch: 16 KiB, about 120 receipts. Never more than the largest chat message the broker routes
     * (see {@link #maxBatchBytes(int)}), since a device that accepts those accepts a batch too.
     */
    public static final int DEFAULT_MAX_BATCH_BYTES = 16 * 1024;

    /** What {@code {"v":1,"type":"batch","items":[...]}} adds around its items, rounded up. */
    private static final int BATCH_WRAPPING_BYTES = 40;

    private static final Logger log = LoggerFactory.getLogger(CoalescingPublisher.class);

    /** Where a publish goes: the future completes once the broker has stored it. */
    @FunctionalInterface
    public interface Sink {
        CompletableFuture<?> publish(String topic, byte[] payload);
    }

    private final Sink sink;
    private final Executor executor;
    private final Codec codec;
    private final int maxBatchBytes;
    private final IntConsumer batchSizes;
    private final ConcurrentMap<String, ArrayDeque<Item>> waiting = new ConcurrentHashMap<>();

    /** An envelope and what completes once the publish that carries it is stored. */
    private record Item(byte[] envelope, CompletableFuture<Void> stored) {
    }

    /** The batch size limit for a broker that routes chat messages of up to {@code maxMessageBytes}. */
    public static int maxBatchBytes(int maxMessageBytes) {
        return Math.min(DEFAULT_MAX_BATCH_BYTES, maxMessageBytes);
    }

    /** Publishes through {@code outbox}; see {@link #CoalescingPublisher(Sink, Executor, Codec, int, IntConsumer)}. */
    public CoalescingPublisher(Outbox outbox, Executor executor, Codec codec, int maxBatchBytes,
                               IntConsumer batchSizes) {
        this((topic, payload) -> outbox.publish(topic, payload, null), executor, codec, maxBatchBytes, batchSizes);
    }

    /**
     * @param executor   where a batch that waited is published once the publish before it completes: not on the
     *                   thread that completed it, which may be one of the broker's persistence writers
     * @param batchSizes told the number of items of every publish this makes (a metric), on the publishing thread
     */
    public CoalescingPublisher(Sink sink, Executor executor, Codec codec, int maxBatchBytes, IntConsumer batchSizes) {
        if (maxBatchBytes < 1) {
            throw new IllegalArgumentException("maxBatchBytes must be positive: " + maxBatchBytes);
        }
        this.sink = sink;
        this.executor = executor;
        this.codec = codec;
        this.maxBatchBytes = maxBatchBytes;
        this.batchSizes = batchSizes;
    }

    /**
     * Publishes {@code envelope} (never a batch) to {@code topic} at QoS 1, now or with the topic's next batch; see
     * {@link #publish(String, byte[])}.
     */
    public CompletableFuture<Void> publish(String topic, Envelope envelope) {
        return publish(topic, codec.encode(envelope));
    }

    /**
     * Publishes an encoded envelope (never a batch) to {@code topic} at QoS 1, now or with the topic's next batch.
     *
     * @return completes once the broker has stored the publish that carries it, exceptionally if that publish failed
     */
    public CompletableFuture<Void> publish(String topic, byte[] envelope) {
        Item item = new Item(envelope, new CompletableFuture<>());
        boolean[] idle = {false};
        waiting.compute(topic, (key, queue) -> {
            // A topic present in the map has a publish in flight; its deque holds what waits for the next one.
            if (queue == null) {
                idle[0] = true;
                return new ArrayDeque<>(4);
            }
            queue.add(item);
            return queue;
        });
        if (idle[0]) {
            sendFrom(topic, List.of(item));
        }
        return item.stored();
    }

    /** Topics with a publish in flight; zero once everything published has been stored. */
    public int busyTopics() {
        return waiting.size();
    }

    /** Items waiting for their topic's next publish (a gauge: it stays near zero unless the broker falls behind). */
    public int waitingItems() {
        int[] items = {0};
        for (String topic : waiting.keySet()) {
            // Read under the map's lock for the topic, as every change to a deque is made.
            waiting.computeIfPresent(topic, (key, queue) -> {
                items[0] += queue.size();
                return queue;
            });
        }
        return items[0];
    }

    /**
     * Publishes {@code items}, then whatever waits behind them, for as long as the publishes complete at once; a loop
     * rather than a callback chain, so a backlog of instantly completed publishes cannot run the stack out.
     */
    private void sendFrom(String topic, List<Item> items) {
        List<Item> batch = items;
        while (batch != null) {
            CompletableFuture<?> stored = send(topic, batch);
            if (!stored.isDone()) {
                stored.whenCompleteAsync((ok, failure) -> sendFrom(topic, next(topic)), executor);
                return;
            }
            batch = next(topic);
        }
    }

    /**
     * Starts one publish and completes its items' futures with it; a publish that throws counts as failed (logged)
     * and never blocks the items behind it.
     */
    private CompletableFuture<?> send(String topic, List<Item> items) {
        CompletableFuture<?> stored;
        try {
            batchSizes.accept(items.size());
            byte[] payload = items.size() == 1 ? items.get(0).envelope() : codec.encodeBatch(envelopes(items));
            stored = sink.publish(topic, payload);
        } catch (RuntimeException e) {
            log.warn("server publish to {} failed: {}", topic, e.toString());
            stored = CompletableFuture.failedFuture(e);
        }
        return stored.whenComplete((ok, failure) -> {
            for (Item item : items) {
                if (failure == null) {
                    item.stored().complete(null);
                } else {
                    item.stored().completeExceptionally(failure);
                }
            }
        });
    }

    private static List<byte[]> envelopes(List<Item> items) {
        List<byte[]> envelopes = new ArrayList<>(items.size());
        for (Item item : items) {
            envelopes.add(item.envelope());
        }
        return envelopes;
    }

    /** The next batch for {@code topic}, or null (and the topic idle again) when nothing waits. */
    private List<Item> next(String topic) {
        List<List<Item>> next = new ArrayList<>(1);
        waiting.compute(topic, (key, queue) -> {
            if (queue == null || queue.isEmpty()) {
                return null;
            }
            next.add(take(queue));
            return queue;
        });
        return next.isEmpty() ? null : next.get(0);
    }

    /** Takes as many items as fit in one batch (at least one), counting the batch's own wrapping. */
    private List<Item> take(ArrayDeque<Item> queue) {
        List<Item> batch = new ArrayList<>(Math.min(queue.size(), 64));
        int bytes = BATCH_WRAPPING_BYTES;
        while (!queue.isEmpty() && (batch.isEmpty() || bytes + queue.peek().envelope().length + 1 <= maxBatchBytes)) {
            Item item = queue.poll();
            batch.add(item);
            bytes += item.envelope().length + 1;
        }
        return batch;
    }
}
