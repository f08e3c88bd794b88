package io.mqchat.bench.load;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * One MQTT 5 device ({@code {user}:{device}}) with a persistent session, subscribed to its user's tree at
 * QoS 1. Arrivals are sorted into messages, receipts and the rest and handed to an {@link Inbound}.
 */
public final class Device {

    /** A day: long enough for every scenario, and what a real app would ask for at least. */
    static final long SESSION_EXPIRY_SECONDS = 86_400;

    private static final byte[] DELIVERED_TYPE = "\"delivered\"".getBytes(StandardCharsets.US_ASCII);

    private final String user;
    private final Mqtt5AsyncClient client;

    private Device(String user, Mqtt5AsyncClient client) {
        this.user = user;
        this.client = client;
    }

    /**
     * A device whose arrival callback is registered before it ever connects, so messages queued in its
     * session reach the callback right after the CONNACK.
     */
    public static Device create(int index, String user, String deviceName, Endpoint endpoint, Inbound inbound,
                                LongSupplier nanos) {
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                .serverHost(endpoint.host()).serverPort(endpoint.port());
        if (endpoint.source() != null) {
            transport.localAddress(endpoint.source());
        }
        Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5()
                .identifier(user + ":" + deviceName)
                .transportConfig(transport.build())
                .buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, publish -> dispatch(index, publish, inbound, nanos));
        return new Device(user, client);
    }

    private static void dispatch(int index, Mqtt5Publish publish, Inbound inbound, LongSupplier nanos) {
        long now = nanos.getAsLong();
        String topic = publish.getTopic().toString();
        byte[] payload = publish.getPayloadAsBytes();
        if (topic.endsWith("/inbox")) {
            inbound.delivered(index, Payloads.sequenceOf(payload), now);
        } else if (topic.endsWith("/receipts") && contains(payload, DELIVERED_TYPE)) {
            Payloads.sequencesOf(payload, seq -> inbound.receipted(seq, now));
        } else {
            inbound.other(index, topic, payload);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    public String user() {
        return user;
    }

    /** Connects with a persistent session (clean start false) and subscribes; completes once subscribed. */
    public CompletableFuture<Void> connect(Dialect dialect) {
        Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> connect =
                client.connectWith().cleanStart(false).sessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        byte[] password = dialect.password(user);
        if (password != null) {
            connect.simpleAuth(Mqtt5SimpleAuth.builder().username(user).password(password).build());
        }
        return connect.send()
                .thenCompose(ack -> client.subscribeWith().topicFilter(dialect.subscription(user))
                        .qos(MqttQos.AT_LEAST_ONCE).noLocal(dialect.noLocal()).send())
                .thenApply(subAck -> null);
    }

    /** Publishes at QoS 1; completes with the PUBACK, exceptionally when the broker refused the message. */
    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send()
                .thenApply(result -> {
                    if (result.getError().isPresent()) {
                        throw new IllegalStateException(result.getError().get());
                    }
                    return null;
                });
    }

    /** Disconnects, keeping the session (and its queue) on the broker. */
    public CompletableFuture<Void> disconnect() {
        return client.disconnect().exceptionally(e -> null);
    }
}
