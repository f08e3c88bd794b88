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
import java.util.function.IntConsumer;

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

    /** A batch stays well below the broker's maximum packet size and a client's patience for one payload. */
    public static final int DEFAULT_MAX_BATCH_BYTES = 64 * 1024;

    /** Where a publish goes: the future completes once the broker has stored it. */
    @FunctionalInterface
    public interface Sink {
        CompletableFuture<?> publish(String topic, byte[] payload);
    }

    private final Sink sink;
    private final Codec codec;
    private final int maxBatchBytes;
    private final IntConsumer batchSizes;
    private final ConcurrentMap<String, ArrayDeque<byte[]>> waiting = new ConcurrentHashMap<>();

    /** Publishes through {@code outbox}; see {@link #CoalescingPublisher(Sink, Codec, int, IntConsumer)}. */
    public CoalescingPublisher(Outbox outbox, Codec codec, int maxBatchBytes, IntConsumer batchSizes) {
        this((topic, payload) -> outbox.publish(topic, payload, null), codec, maxBatchBytes, batchSizes);
    }

    /**
     * @param batchSizes told the number of items of every publish this makes (a metric), on the publishing thread
     */
    public CoalescingPublisher(Sink sink, Codec codec, int maxBatchBytes, IntConsumer batchSizes) {
        if (maxBatchBytes < 1) {
            throw new IllegalArgumentException("maxBatchBytes must be positive: " + maxBatchBytes);
        }
        this.sink = sink;
        this.codec = codec;
        this.maxBatchBytes = maxBatchBytes;
        this.batchSizes = batchSizes;
    }

    /** Publishes {@code envelope} (never a batch) to {@code topic} at QoS 1, now or with the topic's next batch. */
    public void publish(String topic, Envelope envelope) {
        publish(topic, codec.encode(envelope));
    }

    /** Publishes an encoded envelope (never a batch) to {@code topic} at QoS 1, now or with the topic's next batch. */
    public void publish(String topic, byte[] envelope) {
        boolean[] idle = {false};
        // A topic present in the map has a publish in flight; its deque holds what waits for the next one.
        waiting.compute(topic, (key, queue) -> {
            if (queue == null) {
                idle[0] = true;
                return new ArrayDeque<>(4);
            }
            queue.add(envelope);
            return queue;
        });
        if (idle[0]) {
            send(topic, List.of(envelope));
        }
    }

    /** Topics with a publish in flight; zero once everything published has been stored. */
    public int busyTopics() {
        return waiting.size();
    }

    private void send(String topic, List<byte[]> items) {
        batchSizes.accept(items.size());
        byte[] payload = items.size() == 1 ? items.get(0) : codec.encodeBatch(items);
        // Also after a failure (logged by the outbox): the items behind it must not wait for ever.
        sink.publish(topic, payload).whenComplete((stored, failure) -> sendWaiting(topic));
    }

    private void sendWaiting(String topic) {
        List<List<byte[]>> next = new ArrayList<>(1);
        waiting.compute(topic, (key, queue) -> {
            if (queue == null || queue.isEmpty()) {
                return null;
            }
            next.add(take(queue));
            return queue;
        });
        if (!next.isEmpty()) {
            send(topic, next.get(0));
        }
    }

    private List<byte[]> take(ArrayDeque<byte[]> queue) {
        List<byte[]> batch = new ArrayList<>(queue.size());
        int bytes = 0;
        while (!queue.isEmpty() && (batch.isEmpty() || bytes + queue.peek().length < maxBatchBytes)) {
            byte[] item = queue.poll();
            batch.add(item);
            bytes += item.length + 1;
        }
        return batch;
    }
}
