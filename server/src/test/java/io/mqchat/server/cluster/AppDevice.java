package io.mqchat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.DeliveryReceipt;
import io.mqchat.client.Message;
import io.mqchat.client.MqchatClient;
import io.mqchat.client.ReadReceipt;
import io.mqchat.client.typing.TypingSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A device as an app has it: the client library, pointed at one node, and what reached it. */
final class AppDevice implements AutoCloseable {

    private final MqchatClient client;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<DeliveryReceipt> delivered = new LinkedBlockingQueue<>();
    private final BlockingQueue<ReadReceipt> read = new LinkedBlockingQueue<>();
    private final BlockingQueue<TypingSignal> typing = new LinkedBlockingQueue<>();
    private final Set<String> receivedIds = ConcurrentHashMap.newKeySet();
    /** Connection changes and arrivals with their time, for the message of a test that finds something missing. */
    private final Queue<String> timeline = new ConcurrentLinkedQueue<>();

    private AppDevice(TestCluster cluster, String user, String device, String serverUri, boolean catchUp) {
        this.client = MqchatClient.builder().serverUri(serverUri).user(user).device(device).catchUp(catchUp)
                .token(() -> cluster.token(user)).reconnectDelay(Duration.ofMillis(100), Duration.ofSeconds(1))
                .onConnectionChange(change -> timeline.add(Instant.now() + " connected=" + change.connected()
                        + " " + change.reason()))
                .onMessage(message -> {
                    timeline.add(Instant.now() + " " + message.origin() + " " + message.text() + " " + message.id());
                    receivedIds.add(message.id());
                    messages.add(message);
                }).onDelivered(delivered::add).onRead(read::add).onTyping(typing::add).build();
    }

    /** Connects {@code user:device} to the node listening on {@code port} and waits until it is connected. */
    static AppDevice connect(TestCluster cluster, String user, String device, int port) throws Exception {
        return connect(cluster, user, device, "tcp://127.0.0.1:" + port);
    }

    /** Connects {@code user:device} to the server at {@code serverUri} ({@code tcp://...} or {@code ws://...}). */
    static AppDevice connect(TestCluster cluster, String user, String device, String serverUri) throws Exception {
        return connect(new AppDevice(cluster, user, device, serverUri, true));
    }

    /**
     * Like {@link #connect(TestCluster, String, String, int)}, but without the library's catch-up from history, so
     * that what arrives came from the device's queue.
     */
    static AppDevice connectWithoutCatchUp(TestCluster cluster, String user, String device, int port) throws Exception {
        return connect(new AppDevice(cluster, user, device, "tcp://127.0.0.1:" + port, false));
    }

    private static AppDevice connect(AppDevice app) throws Exception {
        app.client.connect().get(30, TimeUnit.SECONDS);
        return app;
    }

    /** The ids of every message that reached the app so far, live or by catch-up. */
    Set<String> receivedIds() {
        return receivedIds;
    }

    /** One line per connection change and per message that reached the app, oldest first. */
    List<String> timeline() {
        return List.copyOf(timeline);
    }

    MqchatClient client() {
        return client;
    }

    Message nextMessage() throws InterruptedException {
        return next(messages, "a message");
    }

    /** Waits for the message with {@code text}, passing over others (a catch-up from history may bring older ones). */
    Message awaitText(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Message message = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertTrue(message != null, "'" + text + "' arrived at " + client.user() + ":" + client.device());
            if (message.text().equals(text)) {
                return message;
            }
        }
    }

    DeliveryReceipt nextDelivered() throws InterruptedException {
        return next(delivered, "a delivery receipt");
    }

    ReadReceipt nextRead() throws InterruptedException {
        return next(read, "a read receipt");
    }

    TypingSignal nextTyping() throws InterruptedException {
        return next(typing, "a typing signal");
    }

    private <T> T next(BlockingQueue<T> queue, String what) throws InterruptedException {
        T item = queue.poll(30, TimeUnit.SECONDS);
        assertTrue(item != null, what + " arrived at " + client.user() + ":" + client.device());
        return item;
    }

    @Override
    public void close() {
        client.close();
    }
}
