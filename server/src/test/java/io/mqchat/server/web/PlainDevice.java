package io.mqchat.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Another user's device speaking MQTT 5 directly, as any client of the protocol may: it sends what a browser test
 * needs faster than typing would, and keeps every envelope it receives (batches unpacked) to show what the browser's
 * user did, e.g. how many READ markers arrived.
 */
final class PlainDevice implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String user;
    private final Mqtt5AsyncClient client;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private PlainDevice(String user, Mqtt5AsyncClient client) {
        this.user = user;
        this.client = client;
    }

    /** Signs {@code user} in with the server's development sign-in and subscribes to the user's tree. */
    static PlainDevice connect(ChatServer server, String user) throws IOException, InterruptedException {
        String token = token(server, user);
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(user + ":plain")
                .serverHost("127.0.0.1").serverPort(server.mqttPort()).buildAsync();
        PlainDevice device = new PlainDevice(user, client);
        client.publishes(MqttGlobalPublishFilter.ALL, p -> device.keep(p.getPayloadAsBytes()));
        client.connectWith().simpleAuth().username(user).password(token.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send().join();
        client.subscribeWith().topicFilter("u/" + user + "/#").qos(MqttQos.AT_LEAST_ONCE).send().join();
        return device;
    }

    /**
     * Takes the session of a user's device over (same client id, session kept) and leaves at once: the broker ends
     * that device's connection (DISCONNECT session taken over) and keeps queueing for it.
     */
    static void takeOver(ChatServer server, String user, String device) throws IOException, InterruptedException {
        Mqtt5AsyncClient thief = Mqtt5Client.builder().identifier(user + ":" + device)
                .serverHost("127.0.0.1").serverPort(server.mqttPort()).buildAsync();
        thief.connectWith().cleanStart(false).sessionExpiryInterval(TimeUnit.DAYS.toSeconds(30))
                .simpleAuth().username(user).password(token(server, user).getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send().join();
        thief.disconnect().join();
    }

    private static String token(ChatServer server, String user) throws IOException, InterruptedException {
        HttpResponse<String> minted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.webApp() + "dev/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("user", user).toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, minted.statusCode(), minted.body());
        return JSON.readTree(minted.body()).get("token").asText();
    }

    private void keep(byte[] payload) {
        try {
            JsonNode envelope = JSON.readTree(payload);
            if ("batch".equals(envelope.path("type").asText())) {
                envelope.path("items").forEach(received::add);
            } else {
                received.add(envelope);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the server sent something that is not JSON", e);
        }
    }

    /** Sends a text to {@code topic} (e.g. {@code send/u/bob}) and returns its id once the broker stored it. */
    String send(String topic, String text) {
        String id = "p-" + UUID.randomUUID();
        publish(topic, JSON.createObjectNode().put("v", 1).put("type", "text").put("id", id).put("body", text));
        return id;
    }

    /** A request with a ref (req/groups, req/history); returns its answer. */
    JsonNode request(String topic, ObjectNode body) throws InterruptedException {
        String ref = "r-" + UUID.randomUUID();
        publish(topic, body.put("v", 1).put("ref", ref));
        for (int i = 0; i < 600; i++) {
            for (JsonNode item : received) {
                if (ref.equals(item.path("ref").asText())) {
                    return item;
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError(user + " got no answer to " + body);
    }

    /** Waits until messages with this text arrived and returns how many did. */
    long awaitText(String text) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            long count = received.stream().filter(m -> text.equals(m.path("body").asText())).count();
            if (count > 0) {
                return count;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError(user + " never received " + text);
    }

    /** The READ receipts received so far from {@code reader}, oldest first. */
    List<JsonNode> readsBy(String reader) {
        List<JsonNode> reads = new ArrayList<>();
        for (JsonNode item : received) {
            if ("read".equals(item.path("type").asText()) && reader.equals(item.path("by").asText())) {
                reads.add(item);
            }
        }
        return reads;
    }

    /** Waits until {@code reader} marked the conversation read up to message {@code id}. */
    void awaitReadUpTo(String reader, String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (readsBy(reader).stream().anyMatch(r -> id.equals(r.path("upTo").asText()))) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError(reader + " never read up to " + id + "; reads: " + readsBy(reader));
    }

    private void publish(String topic, JsonNode envelope) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(envelope.toString().getBytes(StandardCharsets.UTF_8)).send().join();
    }

    @Override
    public void close() {
        client.disconnect().join();
    }
}
