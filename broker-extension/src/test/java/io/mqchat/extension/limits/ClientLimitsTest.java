package io.mqchat.extension.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What one user may hold of the broker: a few devices, a bounded number of short subscriptions per device. */
class ClientLimitsTest {

    private static final int DEVICES = 3;
    private static final int SUBSCRIPTIONS = 5;
    private static final int FILTER_LENGTH = 64;

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker(config -> config.withClientLimits(
            new ClientLimits(DEVICES, SUBSCRIPTIONS, FILTER_LENGTH)));

    @Test
    void aNewDeviceBeyondTheLimitIsRefusedWhileTheUsersDevicesStillComeBack() {
        List<Mqtt5AsyncClient> devices = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            devices.add(connect("ivan", "device" + i, false));
        }
        assertEquals(Mqtt5ConnAckReasonCode.QUOTA_EXCEEDED, refusal("ivan", "one-too-many"));

        devices.get(0).disconnect().join();
        connect("ivan", "device0", false).disconnect().join();
        assertEquals(Mqtt5ConnAckReasonCode.QUOTA_EXCEEDED, refusal("ivan", "one-too-many"),
                "an offline device's session still takes its place");
    }

    @Test
    void signingOutOfADeviceFreesItsPlace() {
        for (int i = 0; i < DEVICES; i++) {
            connect("judy", "device" + i, false).disconnect().join();
        }
        assertEquals(Mqtt5ConnAckReasonCode.QUOTA_EXCEEDED, refusal("judy", "new"));

        // Signing out: a clean start without session expiry ends the session with the connection. The broker frees the
        // place when it has closed the session, a moment after the client's DISCONNECT went out: try for a while.
        connect("judy", "device0", true).disconnect().join();
        for (int attempt = 1; ; attempt++) {
            try {
                connect("judy", "new", false).disconnect().join();
                return;
            } catch (CompletionException stillTaken) {
                if (attempt == 50) {
                    throw new AssertionError("the signed-out device's place was never freed", stillTaken);
                }
                sleepBriefly();
            }
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void devicesConnectingAtOnceCannotOvershootTheLimit() {
        List<CompletableFuture<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Mqtt5AsyncClient client = client("kate", "device" + i);
            attempts.add(client.connectWith().cleanStart(false).sessionExpiryInterval(600).simpleAuth()
                    .password(token("kate")).applySimpleAuth().send().handle((ack, failure) -> failure == null));
        }
        long admitted = attempts.stream().filter(CompletableFuture::join).count();
        assertEquals(DEVICES, admitted);
    }

    @Test
    void subscriptionsBeyondTheLimitGetQuotaExceededAndAnUnsubscribeMakesRoom() {
        Mqtt5AsyncClient device = connect("liam", "phone", false);
        assertGranted(subscribe(device, Topics.userTree("liam")));
        for (int i = 1; i < SUBSCRIPTIONS; i++) {
            assertGranted(subscribe(device, Topics.presence("friend" + i)));
        }
        assertEquals(Mqtt5SubAckReasonCode.QUOTA_EXCEEDED, subscribe(device, Topics.presence("friend-too-many")));
        assertGranted(subscribe(device, Topics.presence("friend1")),
                "subscribing again to a filter it holds is no new subscription");

        device.unsubscribeWith().topicFilter(Topics.presence("friend1")).send().join();
        assertGranted(subscribe(device, Topics.presence("friend-too-many")));
    }

    @Test
    void aPersistentSessionsSubscriptionsStillCountAfterAReconnect() {
        Mqtt5AsyncClient device = connect("mia", "phone", false);
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            assertGranted(subscribe(device, Topics.presence("friend" + i)));
        }
        device.disconnect().join();

        Mqtt5AsyncClient again = connect("mia", "phone", false);
        assertEquals(Mqtt5SubAckReasonCode.QUOTA_EXCEEDED, subscribe(again, Topics.presence("one-more")));
    }

    @Test
    void aFilterLongerThanTheLimitIsRefusedAsInvalid() {
        Mqtt5AsyncClient device = connect("noah", "phone", false);
        String longFilter = Topics.presence("x".repeat(FILTER_LENGTH));
        assertEquals(Mqtt5SubAckReasonCode.TOPIC_FILTER_INVALID, subscribe(device, longFilter));
    }

    private static void assertGranted(Mqtt5SubAckReasonCode code) {
        assertFalse(code.isError(), code::toString);
    }

    private static void assertGranted(Mqtt5SubAckReasonCode code, String message) {
        assertFalse(code.isError(), () -> message + ": " + code);
    }

    private static Mqtt5SubAckReasonCode subscribe(Mqtt5AsyncClient device, String filter) {
        return device.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send()
                .handle((ack, failure) -> failure == null ? ack.getReasonCodes().get(0)
                        : ((Mqtt5SubAckException) (failure instanceof CompletionException ? failure.getCause() : failure))
                                .getMqttMessage().getReasonCodes().get(0))
                .join();
    }

    private static Mqtt5AsyncClient connect(String user, String device, boolean signOut) {
        Mqtt5AsyncClient client = client(user, device);
        client.connectWith().cleanStart(signOut).sessionExpiryInterval(signOut ? 0 : 600)
                .simpleAuth().password(token(user)).applySimpleAuth().send().join();
        return client;
    }

    private static Mqtt5ConnAckReasonCode refusal(String user, String device) {
        CompletionException failure = assertThrows(CompletionException.class, () -> connect(user, device, false));
        return ((Mqtt5ConnAckException) failure.getCause()).getMqttMessage().getReasonCode();
    }

    private static Mqtt5AsyncClient client(String user, String device) {
        return Mqtt5Client.builder().identifier(user + ":" + device)
                .serverHost(broker.get().host()).serverPort(broker.get().port()).buildAsync();
    }

    private static byte[] token(String user) {
        return broker.get().token(user).getBytes(StandardCharsets.UTF_8);
    }
}
