package io.mqchat.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.mqchat.extension.auth.TokenMinter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The main user scenarios against a running all-in-one server, spoken as plain MQTT 5 (docs/PROTOCOL.md, no client
 * library): alice and bob chat with receipts, typing and presence; a user with no device gets a notification; a
 * group; malformed input; refused tokens. Every token it mints is remembered, for tests that look for them.
 */
final class ChatFlow implements AutoCloseable {

    private static final long GIVE_UP_SECONDS = 60;
    private static final ObjectMapper json = new ObjectMapper();

    private final int port;
    private final Function<String, String> userTokens;
    private final List<String> tokens = new ArrayList<>();
    private final List<Mqtt5AsyncClient> clients = new ArrayList<>();
    private final Device alice;
    private final Device bob;

    /** Connects alice and bob, each subscribed to their tree, alice also to bob's presence. */
    ChatFlow(int port, String secret) {
        this(port, user -> new TokenMinter(secret, Clock.systemUTC()).mint(user, Duration.ofHours(1)));
    }

    /** The same, with users' tokens from {@code userTokens} (e.g. signed by an identity provider's key). */
    ChatFlow(int port, Function<String, String> userTokens) {
        this.port = port;
        this.userTokens = userTokens;
        this.bob = connect("bob", "laptop", mint("bob"));
        this.alice = connect("alice", "phone", mint("alice"));
        alice.subscribe("p/bob");
    }

    /** alice → bob with DELIVERED from bob's PUBACK and READ from his read marker. */
    void oneToOneWithReceipts(String body) throws Exception {
        alice.publish("send/u/bob", "{\"v\":1,\"type\":\"text\",\"id\":\"f-1\",\"body\":\"" + body + "\"}");
        JsonNode message = bob.next("u/bob/inbox");
        assertEquals(body, message.get("body").asText());
        assertEquals("alice", message.get("from").asText());
        JsonNode delivered = alice.next("u/alice/receipts");
        assertEquals("delivered", delivered.get("type").asText());
        assertEquals("laptop", delivered.get("device").asText());
        bob.publish("read/u/alice", "{\"v\":1,\"upTo\":\"f-1\"}");
        assertEquals("read", alice.next("u/alice/receipts").get("type").asText());
    }

    /** bob sees alice typing; alice sees bob online (kept in Redis by the presence-worker). */
    void typingAndPresence() throws Exception {
        alice.publish("typing/u/bob", "{\"v\":1,\"state\":\"typing\"}");
        assertEquals("typing", bob.next("u/bob/typing").get("type").asText());
        JsonNode presence = alice.next("p/bob");
        assertEquals("bob", presence.get("user").asText());
        assertTrue(presence.get("online").asBoolean(), presence.toString());
    }

    /** alice → carol, who has no device: the presence-worker is asked to notify carol of message f-2. */
    void toUserWithoutDevice(String body) {
        alice.publish("send/u/carol", "{\"v\":1,\"type\":\"text\",\"id\":\"f-2\",\"body\":\"" + body + "\"}");
    }

    /** alice creates a group with bob and carol (group-worker, MongoDB) and writes to it; bob gets it. */
    void groupMessage(String body) throws Exception {
        alice.publish("req/groups", "{\"v\":1,\"op\":\"create\",\"name\":\"Trip\",\"members\":[\"bob\",\"carol\"],"
                + "\"ref\":\"c-1\"}");
        JsonNode created = alice.next("u/alice/responses");
        assertTrue(created.get("ok").asBoolean(), created.toString());
        String group = created.get("group").get("id").asText();
        alice.publish("send/g/" + group, "{\"v\":1,\"type\":\"text\",\"id\":\"f-3\",\"body\":\"" + body + "\"}");
        JsonNode atBob;
        do {
            atBob = bob.next("u/bob/inbox"); // the group's "created" event comes first
        } while (!atBob.path("type").asText().equals("text"));
        assertEquals(group, atBob.get("group").asText());
        assertEquals(body, atBob.get("body").asText());
    }

    /** A truncated envelope is answered with invalid_json (and, for MQTT 5, an error PUBACK). */
    void malformedInput(String body) throws Exception {
        assertThrows(CompletionException.class,
                () -> alice.publish("send/u/bob", "{\"v\":1,\"type\":\"text\",\"body\":\"" + body));
        assertEquals("invalid_json", alice.next("u/alice/errors").get("code").asText());
    }

    /** A token signed with another secret, and a password that is no token, are refused at CONNECT. */
    void refusedTokens() {
        String forged = new TokenMinter("another-secret-0123456789-0123456789-0123", Clock.systemUTC())
                .mint("mallory", Duration.ofHours(1));
        String garbage = "not-a-jwt-" + UUID.randomUUID();
        refused("mallory", forged);
        refused("mallory", garbage);
    }

    /** {@code user} cannot connect with {@code token}. */
    void refused(String user, String token) {
        tokens.add(token);
        assertThrows(CompletionException.class, () -> connect(user, "phone", token));
    }

    /** Every token used, accepted or refused. */
    List<String> tokens() {
        return List.copyOf(tokens);
    }

    @Override
    public void close() {
        for (Mqtt5AsyncClient client : clients) {
            if (client.getState().isConnected()) {
                client.disconnect().join();
            }
        }
    }

    private String mint(String user) {
        String token = userTokens.apply(user);
        tokens.add(token);
        return token;
    }

    private Device connect(String user, String device, String token) {
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(user + ":" + device)
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
        Device d = new Device(client, new ConcurrentHashMap<>());
        client.publishes(MqttGlobalPublishFilter.ALL, p -> d.queue(p.getTopic().toString())
                .add(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)));
        client.connectWith().simpleAuth().password(token.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .send().join();
        clients.add(client);
        d.subscribe("u/" + user + "/#");
        return d;
    }

    /** A plain MQTT 5 device: what it receives is queued per topic. */
    private record Device(Mqtt5AsyncClient client, Map<String, BlockingQueue<String>> received) {

        BlockingQueue<String> queue(String topic) {
            return received.computeIfAbsent(topic, t -> new LinkedBlockingQueue<>());
        }

        void subscribe(String filter) {
            client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().join();
        }

        void publish(String topic, String payload) {
            client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(payload.getBytes(StandardCharsets.UTF_8)).send().join();
        }

        JsonNode next(String topic) throws Exception {
            String payload = queue(topic).poll(GIVE_UP_SECONDS, TimeUnit.SECONDS);
            assertTrue(payload != null, "nothing arrived on " + topic);
            return json.readTree(payload);
        }
    }
}
