package io.mqchat.presence.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.presence.store.PushToken;
import io.mqchat.presence.store.PushTokens;
import io.mqchat.presence.store.RedisPushTokens;
import io.mqchat.presence.testing.RedisFixture;
import io.mqchat.presence.testing.Workers;
import io.mqchat.protocol.PushPlatform;
import io.mqchat.protocol.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push token registration end to end: plain MQTT devices publish to {@code req/push} as docs/PROTOCOL.md says, through
 * a real broker with the mqchat extension, to a real presence-worker and Redis. Each test uses its own users.
 */
class PushTokensEndToEndTest {

    private static final Duration APPLIED = Duration.ofSeconds(10);
    private static final String APNS = "5e0c".repeat(16);
    private static final String FCM = "fGz1:APA91bE-xq_7" + "k".repeat(140);

    @RegisterExtension
    static final PerClassBroker BROKER = new PerClassBroker();
    @TempDir
    static Path folder;
    private static RedisFixture redis;
    private static PresenceWorker worker;
    private static PushTokens store;

    @BeforeAll
    static void startWorker() {
        redis = RedisFixture.start(folder);
        worker = Workers.start(BROKER.get(), redis);
        store = new RedisPushTokens(redis.jedis());
    }

    @AfterAll
    static void stopWorker() {
        worker.close();
        redis.close();
    }

    private static String registerApns(String token, String env) {
        return "{\"v\":1,\"op\":\"register\",\"platform\":\"apns\",\"token\":\"" + token + "\",\"env\":\"" + env
                + "\",\"app\":\"com.example.chat\"}";
    }

    private static String registerFcm(String token) {
        return "{\"v\":1,\"op\":\"register\",\"platform\":\"fcm\",\"token\":\"" + token
                + "\",\"app\":\"1:42:android:ab12\"}";
    }

    /** The user's tokens once they satisfy {@code until}; the worker applies a request after its PUBACK. */
    private static List<PushToken> tokensOf(String user, Predicate<List<PushToken>> until) throws InterruptedException {
        long deadline = System.nanoTime() + APPLIED.toNanos();
        List<PushToken> tokens = store.tokensOf(user);
        while (!until.test(tokens) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            tokens = store.tokensOf(user);
        }
        return tokens;
    }

    @Test
    void aDeviceRegistersReplacesAndRemovesItsToken() throws Exception {
        try (MqttDevice phone = MqttDevice.v5(BROKER.get(), "bob1", "phone")) {
            assertEquals(Mqtt5PubAckReasonCode.SUCCESS, phone.publish(Topics.pushRequests(), registerApns(APNS, "sandbox")));
            List<PushToken> registered = tokensOf("bob1", t -> !t.isEmpty());
            assertEquals(1, registered.size());
            PushToken token = registered.get(0);
            assertEquals(List.of("phone", PushPlatform.APNS, APNS, "sandbox", "com.example.chat"),
                    List.of(token.device(), token.platform(), token.token(), token.env(), token.app()));

            assertEquals(Mqtt5PubAckReasonCode.SUCCESS, phone.publish(Topics.pushRequests(), registerFcm(FCM)));
            List<PushToken> replaced = tokensOf("bob1", t -> t.size() == 1 && t.get(0).platform() == PushPlatform.FCM);
            assertEquals(FCM, replaced.get(0).token());
            assertEquals(null, replaced.get(0).env());

            assertEquals(Mqtt5PubAckReasonCode.SUCCESS, phone.publish(Topics.pushRequests(), "{\"v\":1,\"op\":\"remove\"}"));
            assertEquals(List.of(), tokensOf("bob1", List::isEmpty));
        }
    }

    @Test
    void aBadPlatformOrAMissingTokenIsAnsweredOnTheErrorsTopicAndStoresNothing() throws Exception {
        try (MqttDevice phone = MqttDevice.v5(BROKER.get(), "bob2", "phone")) {
            assertEquals(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID, phone.publish(Topics.pushRequests(),
                    "{\"v\":1,\"op\":\"register\",\"platform\":\"webpush\",\"token\":\"abc\",\"app\":\"x\"}"));
            JsonNode badPlatform = new ObjectMapper().readTree(phone.next(Topics.errors("bob2")).payload());
            assertEquals("invalid_envelope", badPlatform.get("code").asText());
            assertEquals("req/push", badPlatform.get("topic").asText());

            assertEquals(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID, phone.publish(Topics.pushRequests(),
                    "{\"v\":1,\"op\":\"register\",\"platform\":\"fcm\",\"app\":\"1:42:android:ab12\"}"));
            JsonNode noToken = new ObjectMapper().readTree(phone.next(Topics.errors("bob2")).payload());
            assertTrue(noToken.get("message").asText().contains("token"), noToken.toString());

            // Well-formed but for 'env', which FCM does not take: the worker would store this one if it got through.
            assertEquals(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID, phone.publish(Topics.pushRequests(),
                    "{\"v\":1,\"op\":\"register\",\"platform\":\"fcm\",\"token\":\"" + FCM
                            + "\",\"env\":\"sandbox\",\"app\":\"1:42:android:ab12\"}"));
            assertEquals("invalid_envelope",
                    new ObjectMapper().readTree(phone.next(Topics.errors("bob2")).payload()).get("code").asText());

            // A valid request of another device after the refused ones is applied after them (one lane per user):
            // once it is in the store, a refused request of the phone's would be there too.
            try (MqttDevice tablet = MqttDevice.v5(BROKER.get(), "bob2", "tablet")) {
                tablet.publish(Topics.pushRequests(), registerFcm(FCM + "b2"));
            }
            assertEquals(FCM + "b2", tokensOf("bob2", t -> !t.isEmpty()).get(0).token());
            assertEquals(1, store.tokensOf("bob2").size());
        }
    }

    @Test
    void aSecondDeviceOfTheSameUserHasItsOwnToken() throws Exception {
        try (MqttDevice phone = MqttDevice.v5(BROKER.get(), "bob3", "phone");
             MqttDevice tablet = MqttDevice.v5(BROKER.get(), "bob3", "tablet")) {
            phone.publish(Topics.pushRequests(), registerApns("ab".repeat(32), "production"));
            tablet.publish(Topics.pushRequests(), registerFcm(FCM + "b3"));
            List<PushToken> both = tokensOf("bob3", t -> t.size() == 2);
            assertEquals(List.of("phone", "tablet"), both.stream().map(PushToken::device).toList());

            tablet.publish(Topics.pushRequests(), "{\"v\":1,\"op\":\"remove\"}");
            List<PushToken> phoneOnly = tokensOf("bob3", t -> t.size() == 1);
            assertEquals("phone", phoneOnly.get(0).device());
        }
    }

    @Test
    void anMqtt311DeviceRegistersItsTokenAndHearsAboutABadOne() throws Exception {
        try (MqttDevice phone = MqttDevice.v3(BROKER.get(), "bob4", "phone")) {
            phone.publish(Topics.pushRequests(), "{\"v\":1,\"op\":\"register\",\"platform\":\"apns\",\"token\":\"xyz\","
                    + "\"app\":\"com.example.chat\"}");
            assertEquals("invalid_envelope",
                    new ObjectMapper().readTree(phone.next(Topics.errors("bob4")).payload()).get("code").asText());
            assertTrue(phone.isConnected(), "content problems never disconnect a 3.1.1 device");

            phone.publish(Topics.pushRequests(), registerApns("cd".repeat(32), "production"));
            PushToken token = tokensOf("bob4", t -> !t.isEmpty()).get(0);
            assertEquals("cd".repeat(32), token.token());
            assertEquals("production", token.env());
        }
    }
}
