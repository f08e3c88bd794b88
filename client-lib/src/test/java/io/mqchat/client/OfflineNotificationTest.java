package io.mqchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.mqchat.presence.notify.WebhookSink.WebhookSettings;
import io.mqchat.presence.settings.NotifySettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user whose devices are offline is notified of. Notifications carry the user's unread count as the archive
 * keeps it (the badge on the app's icon): it grows with each conversation's new messages and shrinks with what the
 * user read, and the app can ask the same count when it starts. A group message that mentions the user gets through
 * the group's mute. Broker, group-, archive- and presence-worker run for real; the push gateway is a local HTTP
 * server receiving the worker's webhook calls.
 */
class OfflineNotificationTest {

    @TempDir
    static Path folder;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BlockingQueue<JsonNode> pushed = new LinkedBlockingQueue<>();
    private static HttpServer gateway;
    private static Backend backend;

    @BeforeAll
    static void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/push", exchange -> {
            pushed.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        gateway.start();
        URI url = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/push");
        NotifySettings notify = new NotifySettings(
                Optional.of(new WebhookSettings(url, 3, Duration.ofMillis(50), Duration.ofSeconds(5))),
                Optional.empty(), Optional.empty(), Duration.ofMinutes(1), Duration.ofSeconds(5));
        backend = Backend.start(folder).withGroups().withArchive().withPresence(notify);
    }

    @AfterAll
    static void stop() {
        backend.close();
        gateway.stop(0);
    }

    @Test
    void theBadgeIsTheArchivesUnreadCountAndFollowsWhatTheUserRead() throws Exception {
        try (TestDevice alice = TestDevice.online(backend.broker(), "alice", "phone");
             TestDevice carol = TestDevice.online(backend.broker(), "carol", "phone");
             TestDevice dave = TestDevice.online(backend.broker(), "dave", "phone")) {
            SentMessage a1 = alice.send("bob", "dinner?");
            assertEquals(1, pushTo("bob", "alice").path("unread").asInt(), "a1, counted even before it is stored");

            awaitArchived(alice, "bob", a1);
            carol.send("bob", "call me");
            assertEquals(2, pushTo("bob", "carol").path("unread").asInt(), "a1 and c1");

            // Bob's phone comes online, reads alice's message, and goes again.
            try (TestDevice bob = TestDevice.online(backend.broker(), "bob", "phone")) {
                assertEquals(2, TestDevice.await(bob.client.unreadCount()), "what the app shows before reading");
                TestDevice.await(bob.client.markRead("alice", a1.id()));
                await(() -> TestDevice.await(bob.client.unreadCount()) == 1, "the archive has bob's read mark");
            }
            await(() -> backend.presence().connectedDevices("bob").isEmpty(), "bob is offline again");

            dave.send("bob", "hi");
            assertEquals(2, pushTo("bob", "dave").path("unread").asInt(), "c1 and d1; a1 was read");
        }
    }

    @Test
    void aMemberWhoMutedAGroupIsNotifiedOnlyOfTheMessagesThatMentionThem() throws Exception {
        try (TestDevice alice = TestDevice.online(backend.broker(), "alice2", "phone")) {
            String trip;
            try (TestDevice bob = TestDevice.online(backend.broker(), "bob2", "phone")) {
                trip = TestDevice.await(alice.client.groups().create("Trip", "bob2")).id();
                TestDevice.await(bob.client.mute(Conversation.group(trip)));
                await(() -> backend.notificationMutes().isMuted("bob2", "g/" + trip, System.currentTimeMillis()),
                        "bob's mute is stored");
            }
            await(() -> backend.presence().connectedDevices("bob2").isEmpty(), "bob is offline");

            TestDevice.await(alice.client.sendToGroup(trip, "plans for saturday?"));
            SentMessage mention = TestDevice.await(alice.client.sendToGroup(trip, "@bob2 you drive", List.of("bob2")));

            JsonNode push = pushTo("bob2", "alice2");
            assertEquals(mention.id(), push.path("messageId").asText(), "only the mention: the group is muted");
            assertEquals(trip, push.path("group").asText());
            assertTrue(push.path("mention").asBoolean(), push.toString());

            try (TestDevice bob = TestDevice.online(backend.broker(), "bob2", "phone")) {
                await(() -> TestDevice.await(bob.client.history(Conversation.group(trip)).limit(10).fetch())
                        .messages().size() == 2, "the archive has both");
                List<Message> page = TestDevice.await(bob.client.history(Conversation.group(trip)).limit(10).fetch())
                        .messages();
                assertEquals(List.of(List.of(), List.of("bob2")), page.stream().map(Message::mentions).toList(),
                        "the archive keeps whom a message mentions");
            }
        }
    }

    /** The next webhook call, which must be about a message from {@code sender} to {@code recipient}. */
    private static JsonNode pushTo(String recipient, String sender) throws InterruptedException {
        JsonNode push = pushed.poll(Recorder.PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertNotNull(push, "no notification of " + recipient + " about " + sender + "'s message");
        assertEquals(recipient, push.path("recipient").asText(), push.toString());
        assertEquals(sender, push.path("sender").asText(), push.toString());
        return push;
    }

    private static void awaitArchived(TestDevice device, String peer, SentMessage message) throws Exception {
        await(() -> TestDevice.await(device.client.history(Conversation.with(peer)).limit(10).fetch()).messages()
                .stream().anyMatch(m -> m.id().equals(message.id())), "the archive has " + message.id());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Recorder.PATIENCE_SECONDS);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "never: " + what);
            Thread.sleep(50);
        }
    }
}
