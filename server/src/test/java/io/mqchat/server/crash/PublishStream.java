package io.mqchat.server.crash;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes at a fixed rate on a thread of its own, with ids that sort in sending order, through a server restart;
 * records which publishes the broker acknowledged (SENT).
 */
final class PublishStream {

    private final ChatDevice sender;
    private final String topic;
    private final String prefix;
    private final long intervalNanos;
    private final int count;
    private final PayloadOf payload;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, CompletableFuture<Boolean>> published = new ConcurrentHashMap<>();
    private final Thread thread;

    /** The JSON published as number {@code i}, with id {@code id}. */
    @FunctionalInterface
    interface PayloadOf {
        String json(String id, int i);
    }

    private PublishStream(ChatDevice sender, String topic, String prefix, int perSecond, int count,
                          PayloadOf payload) {
        this.sender = sender;
        this.topic = topic;
        this.prefix = prefix;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.count = count;
        this.payload = payload;
        this.thread = new Thread(this::run, "stream-" + prefix);
    }

    /** A text message. */
    static final PayloadOf TEXT = (id, i) -> "{\"v\":1,\"type\":\"text\",\"id\":\"" + id + "\",\"body\":\"message "
            + i + "\"}";

    /** Text messages, until stopped. */
    static PublishStream texts(ChatDevice sender, String topic, String prefix, int perSecond) {
        return new PublishStream(sender, topic, prefix, perSecond, Integer.MAX_VALUE, TEXT);
    }

    /** {@code count} publishes of {@code payload}, then it stops by itself. */
    static PublishStream of(ChatDevice sender, String topic, String prefix, int perSecond, int count,
                            PayloadOf payload) {
        return new PublishStream(sender, topic, prefix, perSecond, count, payload);
    }

    /** The id of publish number {@code i} of a stream with {@code prefix}. */
    static String idOf(String prefix, int i) {
        return String.format("%s%06d", prefix, i);
    }

    PublishStream start() {
        thread.start();
        return this;
    }

    private void run() {
        long next = System.nanoTime();
        for (int i = 0; running.get() && i < count; i++) {
            String id = idOf(prefix, i);
            published.put(id, sender.publish(topic, payload.json(id, i)));
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    int published() {
        return published.size();
    }

    /** Stops publishing and returns the ids the broker acknowledged, once every publish has an answer. */
    Set<String> stopAndAwaitSent() throws Exception {
        running.set(false);
        thread.join();
        Set<String> sent = new TreeSet<>();
        for (Map.Entry<String, CompletableFuture<Boolean>> publish : published.entrySet()) {
            if (publish.getValue().get(120, TimeUnit.SECONDS)) {
                sent.add(publish.getKey());
            }
        }
        return sent;
    }

    /** Waits until every publish went out (the stream ends by itself), then as {@link #stopAndAwaitSent}. */
    Set<String> awaitSent() throws Exception {
        thread.join(TimeUnit.MINUTES.toMillis(2));
        return stopAndAwaitSent();
    }
}
