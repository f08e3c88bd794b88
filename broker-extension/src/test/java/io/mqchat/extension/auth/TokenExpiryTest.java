package io.mqchat.extension.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5Disconnect;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.mqchat.extension.config.JwtConfig;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.extension.testing.TestBroker;
import io.mqchat.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A connection lasts as long as its token: once the token expires the broker ends it, whatever the client does. */
class TokenExpiryTest {

    private static final long ENDS_WITHIN_SECONDS = 30;

    /** No clock skew, so that a token of a few seconds ends its connection a few seconds later. */
    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker(config -> config.withJwt(
            new JwtConfig(TestBroker.SECRET, null, null, null, null, Duration.ZERO)));

    @Test
    void anMqtt5ConnectionGetsMaximumConnectTimeWhenItsTokenExpires() throws Exception {
        CompletableFuture<MqttClientDisconnectedContext> ended = new CompletableFuture<>();
        Mqtt5AsyncClient client = v5("erin:phone", ended);
        client.connectWith().simpleAuth().password(utf8(broker.get().token("erin", Duration.ofSeconds(2))))
                .applySimpleAuth().send().join();

        MqttClientDisconnectedContext context = ended.get(ENDS_WITHIN_SECONDS, TimeUnit.SECONDS);
        assertEquals(MqttDisconnectSource.SERVER, context.getSource());
        Mqtt5Disconnect disconnect = ((Mqtt5DisconnectException) context.getCause()).getMqttMessage();
        assertEquals(Mqtt5DisconnectReasonCode.MAXIMUM_CONNECT_TIME, disconnect.getReasonCode());
        assertEquals(TokenExpiry.REASON, disconnect.getReasonString().orElseThrow().toString());
    }

    @Test
    void anMqtt311ConnectionIsClosedWhenItsTokenExpires() throws Exception {
        CompletableFuture<MqttClientDisconnectedContext> ended = new CompletableFuture<>();
        Mqtt3AsyncClient client = Mqtt3Client.builder().identifier("frank:phone")
                .serverHost(broker.get().host()).serverPort(broker.get().port())
                .addDisconnectedListener(ended::complete).buildAsync();
        client.connectWith().simpleAuth().username("frank")
                .password(utf8(broker.get().token("frank", Duration.ofSeconds(2)))).applySimpleAuth().send().join();

        assertNotEquals(MqttDisconnectSource.USER, ended.get(ENDS_WITHIN_SECONDS, TimeUnit.SECONDS).getSource());
    }

    @Test
    void aReconnectWithAFreshTokenOutlivesTheOldToken() throws Exception {
        Mqtt5AsyncClient old = v5("gina:phone", new CompletableFuture<>());
        old.connectWith().cleanStart(false).sessionExpiryInterval(600)
                .simpleAuth().password(utf8(broker.get().token("gina", Duration.ofSeconds(2)))).applySimpleAuth()
                .send().join();
        CompletableFuture<MqttClientDisconnectedContext> renewedEnded = new CompletableFuture<>();
        Mqtt5AsyncClient renewed = v5("gina:phone", renewedEnded);
        CompletableFuture<String> received = new CompletableFuture<>();
        renewed.publishes(MqttGlobalPublishFilter.ALL, publish -> received.complete(
                StandardCharsets.UTF_8.decode(publish.getPayload().orElseThrow()).toString()));
        renewed.connectWith().cleanStart(false).sessionExpiryInterval(600)
                .simpleAuth().password(utf8(broker.get().token("gina", Duration.ofHours(1)))).applySimpleAuth()
                .send().join();
        renewed.subscribeWith().topicFilter(Topics.userTree("gina")).qos(MqttQos.AT_LEAST_ONCE).send().join();
        // A token that expires after the old one: once it has ended its connection, the old one's time is past too.
        CompletableFuture<MqttClientDisconnectedContext> laterEnded = new CompletableFuture<>();
        v5("gina:laptop", laterEnded).connectWith()
                .simpleAuth().password(utf8(broker.get().token("gina", Duration.ofSeconds(4)))).applySimpleAuth()
                .send().join();
        laterEnded.get(ENDS_WITHIN_SECONDS, TimeUnit.SECONDS);

        assertTrue(renewed.getState().isConnected() && !renewedEnded.isDone(), "the renewed connection is still up");
        try (MqttDevice hank = MqttDevice.v5(broker.get(), "hank", "phone")) {
            hank.publish(Topics.send("gina"), "{\"v\":1,\"type\":\"text\",\"id\":\"m1\",\"body\":\"still there?\"}");
            assertTrue(received.get(ENDS_WITHIN_SECONDS, TimeUnit.SECONDS).contains("still there?"));
        }
        renewed.disconnect().join();
    }

    private static Mqtt5AsyncClient v5(String clientId, CompletableFuture<MqttClientDisconnectedContext> ended) {
        return Mqtt5Client.builder().identifier(clientId)
                .serverHost(broker.get().host()).serverPort(broker.get().port())
                .addDisconnectedListener(ended::complete).buildAsync();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
