package io.mqchat.presence.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.presence.store.NotificationMutes;
import io.mqchat.presence.store.PresenceStore;
import io.mqchat.presence.store.RedisNotificationMutes;
import io.mqchat.presence.store.RedisPresenceStore;
import io.mqchat.presence.store.StoreUnavailableException;
import io.mqchat.presence.testing.RedisFixture;
import io.mqchat.presence.testing.Sent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/** Which notification requests become notifications, with presence and coalescing in a real Redis. */
class NotifyHandlerTest {

    @TempDir
    static Path folder;
    private static RedisFixture redis;

    private final List<Notification> sent = new ArrayList<>();
    private PresenceStore store;
    private NotificationMutes mutes;
    private boolean sinkWorks = true;

    @BeforeAll
    static void startRedis() {
        redis = RedisFixture.start(folder);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void emptyRedis() {
        redis.flush();
        store = new RedisPresenceStore(redis.jedis());
        mutes = new RedisNotificationMutes(redis.jedis());
    }

    @Test
    void oneNotificationPerRecipientAndConversationPerWindow() {
        NotifyHandler handler = handler(Duration.ofMinutes(1));
        assertTrue(Sent.of(handler.handle(message("bob", "alice", null, "m1"))));
        for (int i = 2; i <= 6; i++) {
            assertFalse(Sent.of(handler.handle(message("bob", "alice", null, "m" + i))));
        }
        assertTrue(Sent.of(handler.handle(message("bob", "carol", null, "m7"))), "another conversation");
        assertTrue(Sent.of(handler.handle(message("dave", "alice", null, "m8"))), "another recipient");
        assertTrue(Sent.of(handler.handle(message("bob", "alice", "g-1", "m9"))), "a group is its own conversation");
        assertFalse(Sent.of(handler.handle(message("bob", "carol", "g-1", "m10"))), "the same group");
        assertEquals(List.of("m1", "m7", "m8", "m9"), sent.stream().map(Notification::messageId).toList());
    }

    @Test
    void aUserNamedLikeAGroupIsAnotherConversationThanTheGroup() {
        NotifyHandler handler = handler(Duration.ofMinutes(1));
        assertTrue(Sent.of(handler.handle(message("bob", "g-1", null, "m1"))));
        assertTrue(Sent.of(handler.handle(message("bob", "alice", "g-1", "m2"))));
    }

    @Test
    void twoWorkerInstancesCoalesceTogether() {
        NotifyHandler one = handler(Duration.ofMinutes(1));
        NotifyHandler two = handler(Duration.ofMinutes(1));
        assertTrue(Sent.of(one.handle(message("bob", "alice", null, "m1"))));
        assertFalse(Sent.of(two.handle(message("bob", "alice", null, "m2"))));
    }

    @Test
    void aNewWindowGetsANewNotification() throws InterruptedException {
        NotifyHandler handler = handler(Duration.ofMillis(200));
        assertTrue(Sent.of(handler.handle(message("bob", "alice", null, "m1"))));
        Thread.sleep(400);
        assertTrue(Sent.of(handler.handle(message("bob", "alice", null, "m2"))));
    }

    @Test
    void aRecipientWithAConnectedDeviceIsNotNotified() {
        store.connected("bob", "phone", "b1/1", 1000);
        assertFalse(Sent.of(handler(Duration.ofMinutes(1)).handle(message("bob", "alice", "g-1", "m1"))));
        assertTrue(sent.isEmpty());
    }

    @Test
    void aMessageThatMentionsTheRecipientGetsThroughTheMuteAndTheWindow() {
        mutes.mute("bob", "g/g-1", null);
        NotifyHandler handler = handler(Duration.ofMinutes(1));

        assertFalse(Sent.of(handler.handle(message("bob", "carol", "g-1", "m1"))), "the muted group");
        assertTrue(Sent.of(handler.handle(message("bob", "carol", "g-1", "m2").mentioning())), "@bob");
        assertFalse(Sent.of(handler.handle(message("bob", "alice", "g-1", "m3").mentioning())),
                "@bob again: mentions have a window of their own, so they cannot flood a muted member");
        assertFalse(Sent.of(handler.handle(message("bob", "alice", "g-1", "m4"))), "no mention: still muted");
        assertTrue(Sent.of(handler.handle(message("dave", "alice", "g-1", "m5"))), "dave's own window");
        assertTrue(Sent.of(handler.handle(message("dave", "alice", "g-1", "m6").mentioning())),
                "@dave within the group's window");
        assertEquals(List.of("m2", "m5", "m6"), sent.stream().map(Notification::messageId).toList());
    }

    @Test
    void aStoppingWorkerWaitsForTheNotificationsItTookAndACountThatCannotBeAskedCostsNothing() {
        CompletableFuture<OptionalInt> bobsCount = new CompletableFuture<>();
        NotifyHandler handler = handler(Duration.ofMinutes(1), notification -> {
            if (notification.recipient().equals("carol")) {
                throw new IllegalStateException("the answers' session is closed");
            }
            return bobsCount;
        });
        assertTrue(Sent.of(handler.handle(message("carol", "alice", null, "m1"))), "carol's, without a count");

        CompletableFuture<Boolean> bobs = handler.handle(message("bob", "alice", null, "m2"));
        assertFalse(handler.awaitIdle(Duration.ofMillis(200)), "bob's waits for its count");
        bobsCount.complete(OptionalInt.of(3));
        assertTrue(Sent.of(bobs));
        assertTrue(handler.awaitIdle(Duration.ofSeconds(10)), "every permit back, carol's too");
    }

    @Test
    void aConversationTheRecipientMutedIsNotNotifiedUntilItsMuteEnds() {
        mutes.mute("bob", "g/g-1", null);
        mutes.mute("bob", "u/alice", 2000L);
        NotifyHandler handler = handler(Duration.ofMinutes(1));

        assertFalse(Sent.of(handler.handle(message("bob", "carol", "g-1", "m1"))), "the muted group");
        assertFalse(Sent.of(handler.handle(message("bob", "alice", null, "m2"))), "alice, muted until 2000, wrote at 1000");
        assertTrue(Sent.of(handler.handle(new Notification("bob", "alice", null, "m3", null, 2000))), "the mute ended");
        assertTrue(Sent.of(handler.handle(message("dave", "carol", "g-1", "m4"))), "dave did not mute the group");
        assertEquals(List.of("m3", "m4"), sent.stream().map(Notification::messageId).toList());
    }

    @Test
    void aNotificationTheSinkGaveUpOnLetsTheNextMessageTry() {
        NotifyHandler handler = handler(Duration.ofMinutes(1));
        sinkWorks = false;
        assertFalse(Sent.of(handler.handle(message("bob", "alice", null, "m1"))));
        sinkWorks = true;
        assertTrue(Sent.of(handler.handle(message("bob", "alice", null, "m2"))));
    }

    @Test
    void theNotificationCarriesTheRecipientsUnreadCountWhenOneCameAndGoesWithoutOneWhenNoneDid() {
        CompletableFuture<OptionalInt> bobsCount = new CompletableFuture<>();
        NotifyHandler handler = handler(Duration.ofMinutes(1), notification -> notification.recipient().equals("bob")
                ? bobsCount : CompletableFuture.completedFuture(OptionalInt.empty()));

        CompletableFuture<Boolean> bobs = handler.handle(message("bob", "alice", null, "m1"));
        assertFalse(bobs.isDone(), "waits for the count without holding up the caller");
        assertTrue(Sent.of(handler.handle(message("carol", "alice", null, "m2"))), "carol's, without a count");
        bobsCount.complete(OptionalInt.of(7));
        assertTrue(Sent.of(bobs));

        assertEquals(List.of("m2", "m1"), sent.stream().map(Notification::messageId).toList());
        assertNull(sent.get(0).unread());
        assertEquals(7, sent.get(1).unread());
    }

    @Test
    void aDownRedisIsReportedSoThatTheRequestIsRetried() {
        try (JedisPooled nowhere = new JedisPooled("127.0.0.1", 1)) {
            NotifyHandler cut = new NotifyHandler(new RedisPresenceStore(nowhere), new RedisNotificationMutes(nowhere),
                    new RedisCoalescer(nowhere, Duration.ofMinutes(1)), UnreadCounts.NONE,
                    n -> CompletableFuture.completedFuture(true), Runnable::run);
            assertThrows(StoreUnavailableException.class, () -> cut.handle(message("bob", "alice", null, "m1")));
        }
    }

    private NotifyHandler handler(Duration window) {
        return handler(window, UnreadCounts.NONE);
    }

    private NotifyHandler handler(Duration window, UnreadCounts unread) {
        return new NotifyHandler(store, mutes, new RedisCoalescer(redis.jedis(), window), unread, notification -> {
            if (sinkWorks) {
                sent.add(notification);
            }
            return CompletableFuture.completedFuture(sinkWorks);
        }, Runnable::run);
    }

    private static Notification message(String recipient, String sender, String group, String id) {
        return new Notification(recipient, sender, group, id, null, 1000);
    }
}
