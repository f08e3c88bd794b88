package io.mqchat.presence.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.presence.push.FcmSettings;
import io.mqchat.presence.settings.NotifySettings;
import io.mqchat.presence.store.PresenceStore;
import io.mqchat.presence.store.PushToken;
import io.mqchat.presence.store.PushTokens;
import io.mqchat.presence.store.RedisPresenceStore;
import io.mqchat.presence.store.RedisPushTokens;
import io.mqchat.presence.testing.FcmStandIn;
import io.mqchat.presence.testing.RedisFixture;
import io.mqchat.presence.testing.Workers;
import io.mqchat.protocol.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message to a user whose Android phone is offline wakes the phone through FCM (a local stand-in speaking FCM's
 * HTTP v1 API and Google's token endpoint): the phone registered its token over MQTT by docs/PROTOCOL.md, the
 * broker's extension asked for the notification, the presence-worker sent it; a token FCM no longer knows is removed.
 */
class FcmNotificationEndToEndTest {

    private static final Duration ARRIVES = Duration.ofSeconds(10);

    @RegisterExtension
    static final PerClassBroker BROKER = new PerClassBroker();
    @TempDir
    static Path folder;
    private static RedisFixture redis;
    private static FcmStandIn fcm;
    private static PresenceWorker worker;
    private static PushTokens tokens;
    private static PresenceStore presence;

    @BeforeAll
    static void startWorker() throws Exception {
        redis = RedisFixture.start(folder);
        fcm = FcmStandIn.start();
        NotifySettings notify = new NotifySettings(Optional.empty(),
                Optional.of(new FcmSettings(fcm.writeKeyFile(folder), fcm.endpoint(), 3, Duration.ofMillis(10), Duration.ofSeconds(5))),
                Duration.ofMinutes(1));
        worker = Workers.start(BROKER.get(), redis, "all", notify);
        tokens = new RedisPushTokens(redis.jedis());
        presence = new RedisPresenceStore(redis.jedis());
    }

    @AfterAll
    static void stopWorker() {
        worker.close();
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

    private static void registerAndGoOffline(String user, String token) throws Exception {
        try (MqttDevice phone = MqttDevice.v5(BROKER.get(), user, "phone")) {
            assertEquals(Mqtt5PubAckReasonCode.SUCCESS, phone.publish(Topics.pushRequests(),
                    "{\"v\":1,\"op\":\"register\",\"platform\":\"fcm\",\"token\":\"" + token
                            + "\",\"app\":\"1:42:android:ab12\"}"));
        }
        await(() -> !tokens.tokensOf(user).isEmpty(), user + "'s token is stored");
        // The worker checks presence too: only once it saw the phone leave is the user offline for it.
        await(() -> presence.connectedDevices(user).isEmpty(), user + " is offline");
    }

    private static void message(String from, String to, String id) throws Exception {
        try (MqttDevice sender = MqttDevice.v5(BROKER.get(), from, "phone")) {
            sender.publish(Topics.send(to), "{\"v\":1,\"type\":\"text\",\"id\":\"" + id + "\",\"body\":\"secret plans\"}");
        }
    }

    @Test
    void anOfflineAndroidPhoneIsWokenWithoutTheMessageText() throws Exception {
        registerAndGoOffline("bob1", "fcm-token-bob1");

        message("alice1", "bob1", "m1");

        await(() -> fcm.receivedFor("fcm-token-bob1").size() == 1, "FCM got one send for bob1's phone");
        String sent = fcm.receivedFor("fcm-token-bob1").get(0).message().toString();
        assertTrue(sent.contains("\"title\":\"alice1\""), sent);
        assertTrue(!sent.contains("secret plans"), "no message text unless notify.include-body: " + sent);
    }

    @Test
    void aTokenFcmNoLongerKnowsIsRemovedFromTheStore() throws Exception {
        registerAndGoOffline("bob2", "fcm-token-bob2");
        fcm.unregister("fcm-token-bob2");

        message("alice2", "bob2", "m1");

        await(() -> tokens.tokensOf("bob2").isEmpty(), "bob2's stale token is gone");
        assertEquals(List.<PushToken>of(), tokens.tokensOf("bob2"));
    }
}
