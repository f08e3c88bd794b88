package io.mqchat.presence.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.presence.metrics.PresenceMetrics;
import io.mqchat.presence.push.ApnsSettings;
import io.mqchat.presence.push.FcmSettings;
import io.mqchat.presence.settings.NotifySettings;
import io.mqchat.presence.store.PresenceStore;
import io.mqchat.presence.store.PushTokens;
import io.mqchat.presence.store.RedisPresenceStore;
import io.mqchat.presence.store.RedisPushTokens;
import io.mqchat.presence.testing.ApnsStandIn;
import io.mqchat.presence.testing.FcmStandIn;
import io.mqchat.presence.testing.RedisFixture;
import io.mqchat.presence.testing.Workers;
import io.mqchat.protocol.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message to a user whose devices are offline wakes them through APNs and FCM (Pushy's mock APNs server, and a local
 * stand-in speaking FCM's HTTP v1 API and Google's token endpoint): the devices registered their tokens over MQTT by
 * docs/PROTOCOL.md, the broker's extension asked for the notification, the presence-worker sent it to both services;
 * a token a service no longer knows is removed.
 */
class PushNotificationEndToEndTest {

    private static final Duration ARRIVES = Duration.ofSeconds(10);
    private static final String APP = "com.example.chat";

    @RegisterExtension
    static final PerClassBroker BROKER = new PerClassBroker();
    @TempDir
    static Path folder;
    private static RedisFixture redis;
    private static FcmStandIn fcm;
    private static ApnsStandIn apns;
    private static PresenceWorker worker;
    private static PushTokens tokens;
    private static PresenceStore presence;

    @BeforeAll
    static void startWorker() throws Exception {
        redis = RedisFixture.start(folder);
        fcm = FcmStandIn.start();
        apns = ApnsStandIn.start(folder);
        NotifySettings notify = new NotifySettings(Optional.empty(),
                Optional.of(new FcmSettings(fcm.writeKeyFile(folder), fcm.endpoint(), 3, Duration.ofMillis(10),
                        Duration.ofSeconds(5))),
                Optional.of(ApnsSettings.of(apns.signingKey(), ApnsStandIn.TEAM_ID, ApnsStandIn.KEY_ID)
                        .withStandIn(apns.address(), apns.certificate())),
                Duration.ofMinutes(1), Duration.ZERO);
        worker = Workers.start(BROKER.get(), redis, "all", notify);
        tokens = new RedisPushTokens(redis.jedis());
        presence = new RedisPresenceStore(redis.jedis());
    }

    @AfterAll
    static void stopWorker() throws Exception {
        worker.close();
        apns.close();
        fcm.close();
        redis.close();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + ARRIVES.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    /** {@code device} of {@code user} registers its token by docs/PROTOCOL.md and goes offline. */
    private static void register(String user, String device, String request) throws Exception {
        try (MqttDevice phone = MqttDevice.v5(BROKER.get(), user, device)) {
            assertEquals(Mqtt5PubAckReasonCode.SUCCESS, phone.publish(Topics.pushRequests(), request));
        }
    }

    private static String apnsRequest(String token) {
        return "{\"v\":1,\"op\":\"register\",\"platform\":\"apns\",\"token\":\"" + token + "\",\"app\":\"" + APP + "\"}";
    }

    private static String fcmRequest(String token) {
        return "{\"v\":1,\"op\":\"register\",\"platform\":\"fcm\",\"token\":\"" + token
                + "\",\"app\":\"1:42:android:ab12\"}";
    }

    /** Stored, and offline for the worker too (it checks presence before it notifies). */
    private static void awaitRegisteredAndOffline(String user, int devices) throws InterruptedException {
        await(() -> tokens.tokensOf(user).size() == devices, user + "'s tokens are stored");
        await(() -> presence.connectedDevices(user).isEmpty(), user + " is offline");
    }

    private static void message(String from, String to, String id) throws Exception {
        try (MqttDevice sender = MqttDevice.v5(BROKER.get(), from, "phone")) {
            sender.publish(Topics.send(to), "{\"v\":1,\"type\":\"text\",\"id\":\"" + id + "\",\"body\":\"secret plans\"}");
        }
    }

    @Test
    void anOfflineIphoneAndAndroidTabletOfOneUserAreBothWokenWithoutTheMessageText() throws Exception {
        String iphone = "0a".repeat(32);
        apns.knows(APP, iphone);
        register("bob1", "iphone", apnsRequest(iphone));
        register("bob1", "tablet", fcmRequest("fcm-token-bob1"));
        awaitRegisteredAndOffline("bob1", 2);

        message("alice1", "bob1", "m1");

        await(() -> apns.receivedFor(iphone).size() == 1, "APNs got the push for the iPhone");
        await(() -> fcm.receivedFor("fcm-token-bob1").size() == 1, "FCM got the push for the tablet");
        String toIphone = apns.receivedFor(iphone).get(0).payload();
        String toTablet = fcm.receivedFor("fcm-token-bob1").get(0).message().toString();
        assertTrue(toIphone.contains("alice1") && toTablet.contains("alice1"), toIphone + " " + toTablet);
        assertFalse(toIphone.contains("secret plans") || toTablet.contains("secret plans"),
                "no message text unless notify.include-body");
        assertEquals(Map.of("apns sent", 1.0, "fcm sent", 1.0), scrapedPushes("sent"), "what an operator sees");
    }

    /** {@code mqchat_push_notifications_total} per service as the worker's metrics show it, for one outcome. */
    private static Map<String, Double> scrapedPushes(String outcome) {
        PrometheusRegistry registry = new PrometheusRegistry();
        PresenceMetrics.register(registry, worker);
        Map<String, Double> values = new TreeMap<>();
        for (MetricSnapshot snapshot : registry.scrape()) {
            if (snapshot instanceof CounterSnapshot counter
                    && counter.getMetadata().getName().equals(PresenceMetrics.PUSHES)) {
                for (CounterSnapshot.CounterDataPointSnapshot point : counter.getDataPoints()) {
                    if (point.getLabels().get("outcome").equals(outcome) && point.getValue() > 0) {
                        values.put(point.getLabels().get("service") + " " + outcome, point.getValue());
                    }
                }
            }
        }
        return values;
    }

    @Test
    void tokensTheServicesNoLongerKnowAreRemovedFromTheStore() throws Exception {
        String uninstalled = "0b".repeat(32);
        apns.knows(APP, uninstalled);
        apns.uninstalled(uninstalled);
        fcm.unregister("fcm-token-bob2");
        register("bob2", "iphone", apnsRequest(uninstalled));
        register("bob2", "tablet", fcmRequest("fcm-token-bob2"));
        awaitRegisteredAndOffline("bob2", 2);

        message("alice2", "bob2", "m1");

        await(() -> tokens.tokensOf("bob2").isEmpty(), "bob2's stale tokens are gone");
        assertEquals(List.of(), tokens.tokensOf("bob2"));
        assertEquals(Map.of("apns token_removed", 1.0, "fcm token_removed", 1.0), scrapedPushes("token_removed"));
    }
}
