package io.mqchat.presence.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.extension.testing.VanishingDevice;
import io.mqchat.presence.notify.WebhookServer;
import io.mqchat.presence.notify.WebhookSink.WebhookSettings;
import io.mqchat.presence.settings.NotifySettings;
import io.mqchat.presence.store.NotificationMutes;
import io.mqchat.presence.store.PresenceStore;
import io.mqchat.presence.store.RedisPresenceStore;
import io.mqchat.presence.store.RedisNotificationMutes;
import io.mqchat.presence.testing.PresenceWatcher;
import io.mqchat.presence.testing.RedisFixture;
import io.mqchat.presence.testing.Workers;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Presence;
import io.mqchat.protocol.PresenceEvent;
import io.mqchat.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The presence-worker in a real broker with the mqchat extension, a real Redis and a local webhook: acceptance
 * 1, 2, 3 and 5 of the presence issue, plus a device that vanishes without a DISCONNECT. Each test uses its own
 * users, so one broker, Redis and worker serve them all.
 */
class PresenceWorkerEndToEndTest {

    private static final Duration ARRIVES = Duration.ofSeconds(10);

    @RegisterExtension
    static final PerClassBroker BROKER = new PerClassBroker();
    @TempDir
    static Path folder;
    private static RedisFixture redis;
    private static WebhookServer webhook;
    private static PresenceWorker worker;

    private final Codec codec = new Codec();

    @BeforeAll
    static void startWorker() {
        redis = RedisFixture.start(folder);
        webhook = WebhookServer.start();
        NotifySettings notify = new NotifySettings(Optional.of(new WebhookSettings(webhook.url(), 3,
                Duration.ofMillis(50), Duration.ofSeconds(5))), Duration.ofMinutes(1));
        worker = Workers.start(BROKER.get(), redis, "all", notify);
    }

    @AfterAll
    static void stopWorker() {
        worker.close();
        webhook.close();
        redis.close();
    }

    @Test
    void aContactSeesBobOnlineWhenHeConnectsAndOfflineWithHisLastActivityWhenHisDeviceLeaves() throws Exception {
        try (PresenceWatcher alice = PresenceWatcher.connect(BROKER.get(), "alice1", "phone", "bob1")) {
            long before = System.currentTimeMillis();
            long connecting = System.nanoTime();
            MqttDevice bob = MqttDevice.v5(BROKER.get(), "bob1", "phone");
            Presence online = alice.await("bob1", p -> Boolean.TRUE.equals(p.online()), ARRIVES);
            long millis = Duration.ofNanos(System.nanoTime() - connecting).toMillis();
            System.out.println("measured: bob1 CONNECT sent -> alice1 saw online in " + millis + " ms");
            assertNull(online.lastSeen());

            Thread.sleep(300);
            bob.close();
            Presence offline = alice.await("bob1", p -> Boolean.FALSE.equals(p.online()), ARRIVES);
            long seen = System.currentTimeMillis();
            // Bob's last packet (his DISCONNECT counts) lies between his connect and the moment Alice saw him go.
            assertTrue(offline.lastSeen() >= before && offline.lastSeen() <= seen,
                    "last seen " + offline.lastSeen() + " is within bob's session [" + before + ", " + seen + "]");
        }
        try (PresenceWatcher carol = PresenceWatcher.connect(BROKER.get(), "carol1", "phone", "bob1")) {
            Presence retained = carol.next("bob1", ARRIVES).orElseThrow();
            assertEquals(Boolean.FALSE, retained.online(), "a new subscriber gets the current state at once");
        }
    }

    @Test
    void aUserWithTwoDevicesIsOnlineUntilBothAreGone() {
        try (PresenceWatcher alice = PresenceWatcher.connect(BROKER.get(), "alice2", "phone", "bob2")) {
            MqttDevice phone = MqttDevice.v5(BROKER.get(), "bob2", "phone");
            alice.await("bob2", p -> Boolean.TRUE.equals(p.online()), ARRIVES);
            MqttDevice laptop = MqttDevice.v5(BROKER.get(), "bob2", "laptop");
            phone.close();
            Optional<Presence> meanwhile = alice.next("bob2", Duration.ofSeconds(2));
            assertFalse(meanwhile.isPresent(), "still online with the laptop, nothing changes: " + meanwhile);
            laptop.close();
            Presence offline = alice.await("bob2", p -> Boolean.FALSE.equals(p.online()), ARRIVES);
            assertTrue(offline.lastSeen() != null);
        }
    }

    @Test
    void privacyNobodyHidesOnlineAndLastSeenFromOthers() {
        try (PresenceWatcher alice = PresenceWatcher.connect(BROKER.get(), "alice3", "phone", "bob3");
             MqttDevice bob = MqttDevice.v5(BROKER.get(), "bob3", "phone")) {
            alice.await("bob3", p -> Boolean.TRUE.equals(p.online()), ARRIVES);
            bob.publish(Topics.presenceRequests(),
                    new String(codec.encodePrivacyRequest(PresenceEvent.NOBODY), StandardCharsets.UTF_8));
            Presence hidden = alice.await("bob3", p -> Boolean.TRUE.equals(p.hidden()), ARRIVES);
            assertNull(hidden.online());
            assertNull(hidden.lastSeen());

            MqttDevice laptop = MqttDevice.v5(BROKER.get(), "bob3", "laptop");
            laptop.close();
            alice.next("bob3", Duration.ofSeconds(2)).ifPresent(p -> assertEquals(Boolean.TRUE, p.hidden(), p.toString()));
            try (PresenceWatcher carol = PresenceWatcher.connect(BROKER.get(), "carol3", "phone", "bob3")) {
                Presence retained = carol.next("bob3", ARRIVES).orElseThrow();
                assertEquals(Presence.hidden("bob3", hidden.ts()), retained);
            }

            bob.publish(Topics.presenceRequests(),
                    new String(codec.encodePrivacyRequest(PresenceEvent.EVERYONE), StandardCharsets.UTF_8));
            alice.await("bob3", p -> Boolean.TRUE.equals(p.online()), ARRIVES);
        }
    }

    @Test
    void aMessageToOfflineBobTriggersOneWebhookCallAndFiveMoreInTheWindowNone() throws Exception {
        int before = webhook.bodies().size();
        try (MqttDevice alice = MqttDevice.v5(BROKER.get(), "alice5", "phone")) {
            for (int i = 1; i <= 6; i++) {
                alice.publish(Topics.send("bob5"), "{\"v\":1,\"type\":\"text\",\"id\":\"m" + i + "\",\"body\":\"hi\"}");
            }
        }
        long deadline = System.nanoTime() + ARRIVES.toNanos();
        while (webhook.bodies().size() == before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(2000);
        assertEquals(before + 1, webhook.bodies().size(), "exactly one call: " + webhook.bodies());
        JsonNode call = new ObjectMapper().readTree(webhook.bodies().get(before));
        assertEquals("bob5", call.get("recipient").asText());
        assertEquals("alice5", call.get("sender").asText());
        assertEquals("alice5", call.get("conversation").asText());
        assertEquals("m1", call.get("messageId").asText());
        assertFalse(call.has("body"), "no message text unless configured");
    }

    @Test
    void aConversationTheRecipientMutedSendsNoNotificationWhileTheOthersStillDo() throws Exception {
        NotificationMutes mutes = new RedisNotificationMutes(redis.jedis());
        try (MqttDevice bob = MqttDevice.v5(BROKER.get(), "bob9", "phone")) {
            assertEquals(Mqtt5PubAckReasonCode.SUCCESS,
                    bob.publish(Topics.pushRequests(), "{\"v\":1,\"op\":\"mute\",\"with\":\"alice9\"}"));
        }
        long deadline = System.nanoTime() + ARRIVES.toNanos();
        PresenceStore presence = new RedisPresenceStore(redis.jedis());
        while ((!mutes.isMuted("bob9", "u/alice9", System.currentTimeMillis())
                || !presence.connectedDevices("bob9").isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(50); // muted, and offline for the worker too
        }
        int before = webhook.bodies().size();
        try (MqttDevice alice = MqttDevice.v5(BROKER.get(), "alice9", "phone");
             MqttDevice carol = MqttDevice.v5(BROKER.get(), "carol9", "phone")) {
            alice.publish(Topics.send("bob9"), "{\"v\":1,\"type\":\"text\",\"id\":\"m1\",\"body\":\"hi\"}");
            carol.publish(Topics.send("bob9"), "{\"v\":1,\"type\":\"text\",\"id\":\"m2\",\"body\":\"hi\"}");
        }
        while (webhook.bodies().size() == before && System.nanoTime() < deadline + ARRIVES.toNanos()) {
            Thread.sleep(50);
        }
        Thread.sleep(2000);
        assertEquals(before + 1, webhook.bodies().size(), "one call, for carol's message: " + webhook.bodies());
        assertEquals("carol9", new ObjectMapper().readTree(webhook.bodies().get(before)).get("sender").asText());
    }

    @Test
    void noNotificationForARecipientWithAConnectedDevice() throws Exception {
        int before = webhook.bodies().size();
        try (PresenceWatcher watcher = PresenceWatcher.connect(BROKER.get(), "alice8", "watch", "bob8");
             MqttDevice bob = MqttDevice.v5(BROKER.get(), "bob8", "phone");
             MqttDevice alice = MqttDevice.v5(BROKER.get(), "alice8", "phone")) {
            watcher.await("bob8", p -> Boolean.TRUE.equals(p.online()), ARRIVES);
            alice.publish(Topics.send("bob8"), "{\"v\":1,\"type\":\"text\",\"id\":\"m1\",\"body\":\"hi\"}");
            bob.next(Topics.inbox("bob8"));
            Thread.sleep(1000);
        }
        assertEquals(before, webhook.bodies().size());
    }

    @Test
    void aDeviceThatVanishesIsOfflineAfterItsKeepAliveWithItsLastActivityAsLastSeen() {
        try (PresenceWatcher alice = PresenceWatcher.connect(BROKER.get(), "alice6", "phone", "bob6");
             VanishingDevice bob = VanishingDevice.connect(BROKER.get(), "bob6", "phone", 2)) {
            alice.await("bob6", p -> Boolean.TRUE.equals(p.online()), ARRIVES);
            long lastActivity = System.currentTimeMillis();
            bob.publishAtMostOnce(Topics.typingTo("alice6"), "{\"v\":1,\"state\":\"typing\"}");
            Presence offline = alice.await("bob6", p -> Boolean.FALSE.equals(p.online()), ARRIVES);
            assertTrue(Math.abs(offline.lastSeen() - lastActivity) < 1000,
                    "last seen " + offline.lastSeen() + " is the last packet at about " + lastActivity);
            assertTrue(offline.ts() - offline.lastSeen() >= 1500,
                    "the broker noticed later (" + offline.ts() + ") than bob was last active (" + offline.lastSeen() + ")");
        }
    }
}
