package io.mqchat.extension.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.extension.testing.TestBroker;
import io.mqchat.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who may connect, and what a connected user may read and write. */
class ConnectAndPermissionsTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();


    private static Mqtt5ConnAckReasonCode refusal(String clientId, byte[] password) {
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(clientId)
                .serverHost(broker.get().host()).serverPort(broker.get().port()).buildAsync();
        CompletionException e = assertThrows(CompletionException.class, () -> {
            if (password == null) {
                client.connectWith().send().join();
            } else {
                client.connectWith().simpleAuth().password(password).applySimpleAuth().send().join();
            }
        });
        return ((Mqtt5ConnAckException) e.getCause()).getMqttMessage().getReasonCode();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String signed(JWTClaimsSet claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(utf8(secret)));
        return jwt.serialize();
    }

    @Test
    void nobodyReachesTheBrokerWithoutAValidToken() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet valid = new JWTClaimsSet.Builder().subject("mallory")
                .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build();
        JWTClaimsSet expired = new JWTClaimsSet.Builder().subject("mallory")
                .expirationTime(Date.from(now.minus(Duration.ofHours(1)))).build();
        String good = signed(valid, TestBroker.SECRET);
        String tampered = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);

        assertEquals(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, refusal("mallory:phone", null));
        assertEquals(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, refusal("mallory:phone", utf8("")));
        assertEquals(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD,
                refusal("mallory:phone", utf8(signed(expired, TestBroker.SECRET))));
        assertEquals(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, refusal("mallory:phone", utf8(tampered)));
        assertEquals(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD,
                refusal("mallory:phone", utf8(new PlainJWT(valid).serialize())));
        assertEquals(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD,
                refusal("mallory:phone", utf8(signed(valid, "a-different-secret-also-32-bytes-long!!"))));

        Mqtt3ConnAckException v3 = (Mqtt3ConnAckException) assertThrows(CompletionException.class, () ->
                Mqtt3Client.builder().identifier("mallory:phone").serverHost(broker.get().host()).serverPort(broker.get().port())
                        .buildAsync().connect().join()).getCause();
        assertEquals(Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD, v3.getMqttMessage().getReturnCode());
    }

    @Test
    void aClientIdMustNameADeviceOfTheTokensUser() {
        byte[] malloryToken = utf8(broker.get().token("mallory"));
        assertEquals(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, refusal("bob:phone", malloryToken));
        assertEquals(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, refusal("mallory", malloryToken));
        assertEquals(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, refusal("mallory:ph#ne", malloryToken));
    }

    @Test
    void aTokenForAnImpossibleUserIdIsNotAuthorized() {
        String token = new TokenMinterForTests().mintUnchecked("mal+lory");
        assertEquals(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, refusal("mallory:phone", utf8(token)));
    }

    @Test
    void malloryCannotSubscribeToAnotherUsersTopics() {
        {
            Mqtt5AsyncClient raw = Mqtt5Client.builder().identifier("mallory:probe")
                    .serverHost(broker.get().host()).serverPort(broker.get().port()).buildAsync();
            raw.connectWith().simpleAuth().password(utf8(broker.get().token("mallory"))).applySimpleAuth().send().join();
            for (String filter : new String[] {"u/bob/#", "u/bob/inbox", "u/+/inbox", "#", "send/u/bob"}) {
                Mqtt5SubAckReasonCode code = raw.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send()
                        .handle((ack, error) -> ack != null ? ack.getReasonCodes().get(0)
                                : ((Mqtt5SubAckException) error).getMqttMessage().getReasonCodes().get(0))
                        .join();
                assertEquals(Mqtt5SubAckReasonCode.NOT_AUTHORIZED, code, filter);
            }
            assertTrue(raw.getState().isConnected(), "a refused subscription does not cost the connection");
            raw.disconnect().join();
        }
    }

    @Test
    void malloryFollowsThePresenceOfOneUserAtATimeNeverOfEveryone() {
        Mqtt5AsyncClient raw = Mqtt5Client.builder().identifier("mallory:presence")
                .serverHost(broker.get().host()).serverPort(broker.get().port()).buildAsync();
        raw.connectWith().simpleAuth().password(utf8(broker.get().token("mallory"))).applySimpleAuth().send().join();
        for (String filter : new String[] {"p/+", "p/#", "+/+", "+/bob", "#", "$share/x/p/+"}) {
            assertEquals(Mqtt5SubAckReasonCode.NOT_AUTHORIZED, subscribe(raw, filter), filter);
        }
        assertEquals(Mqtt5SubAckReasonCode.GRANTED_QOS_0, subscribe(raw, "p/bob"), "one concrete user is fine");
        assertEquals(Mqtt5SubAckReasonCode.GRANTED_QOS_1, subscribe(raw, "u/mallory/#"), "her own tree is fine");
        assertTrue(raw.getState().isConnected(), "a refused subscription does not cost the connection");
        raw.disconnect().join();
    }

    private static Mqtt5SubAckReasonCode subscribe(Mqtt5AsyncClient client, String filter) {
        return client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send()
                .handle((ack, error) -> ack != null ? ack.getReasonCodes().get(0)
                        : ((Mqtt5SubAckException) error).getMqttMessage().getReasonCodes().get(0))
                .join();
    }

    @Test
    void malloryCannotPublishIntoAnotherUsersInboxNorSpeakAsAlice() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (MqttDevice bob = MqttDevice.v5(broker.get(), "bob", "phone");
             MqttDevice mallory = MqttDevice.v5(broker.get(), "mallory", "phone")) {
            mallory.publish(Topics.send("bob"),
                    "{\"v\":1,\"type\":\"text\",\"from\":\"alice\",\"body\":\"it is me, alice\"}");
            JsonNode received = json.readTree(bob.next(Topics.inbox("bob")).payload());
            assertEquals("mallory", received.get("from").asText(), "the sender is stamped from the token");

            assertEquals(Mqtt5PubAckReasonCode.NOT_AUTHORIZED,
                    mallory.publish(Topics.inbox("bob"), "{\"v\":1,\"type\":\"text\",\"from\":\"alice\",\"body\":\"x\"}"));
            assertFalse(bob.poll(Topics.inbox("bob"), 1000).isPresent(), "nothing reached bob's inbox directly");
            long deadline = System.currentTimeMillis() + 10_000;
            while (mallory.isConnected() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(mallory.isConnected(), "an MQTT 5 client is disconnected after a forbidden publish, as 3.1.1 is");
            assertTrue(bob.isConnected());
        }
    }

    @Test
    void aLastWillCannotSmuggleAForgedMessageIntoAnotherUsersInbox() throws Exception {
        try (MqttDevice bob = MqttDevice.v5(broker.get(), "bob", "tablet")) {
            Mqtt5AsyncClient mallory = Mqtt5Client.builder().identifier("mallory:will")
                    .serverHost(broker.get().host()).serverPort(broker.get().port()).buildAsync();
            CompletionException refused = assertThrows(CompletionException.class, () -> mallory.connectWith()
                    .simpleAuth().password(utf8(broker.get().token("mallory"))).applySimpleAuth()
                    .willPublish().topic(Topics.inbox("bob")).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(utf8("{\"v\":1,\"type\":\"text\",\"id\":\"w1\",\"from\":\"alice\",\"to\":\"bob\",\"body\":\"forged\"}"))
                    .userProperties().add("mqchat-from", "alice").add("mqchat-id", "w1").applyUserProperties()
                    .applyWillPublish()
                    .send().join());
            assertEquals(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED,
                    ((Mqtt5ConnAckException) refused.getCause()).getMqttMessage().getReasonCode());
            assertFalse(bob.poll(Topics.inbox("bob"), 1000).isPresent(), "no will reached bob");
        }
    }

    /** Signs tokens without the minter's user id check, to test the broker's own. */
    private static final class TokenMinterForTests {
        String mintUnchecked(String subject) {
            try {
                return signed(new JWTClaimsSet.Builder().subject(subject)
                        .expirationTime(Date.from(Clock.systemUTC().instant().plusSeconds(3600))).build(), TestBroker.SECRET);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
