package io.mqchat.extension.testing;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.mqchat.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A plain MQTT 5 or 3.1.1 device for tests, speaking only what docs/PROTOCOL.md describes (no client
 * library): client id {@code user:device}, the token as password, a persistent session and a QoS 1
 * subscription to the user's tree. Everything it receives is queued for the test to take.
 */
public final class MqttDevice implements AutoCloseable {

    /** A message a device received; response topic and correlation data are null unless MQTT 5 set them. */
    public record Received(String topic, String payload, String responseTopic, String correlation) {
    }

    private final Mqtt5AsyncClient v5;
    private final Mqtt3AsyncClient v3;
    private final String user;
    private final Map<String, BlockingQueue<Received>> received = new ConcurrentHashMap<>();

    private MqttDevice(Mqtt5AsyncClient v5, Mqtt3AsyncClient v3, String user) {
        this.v5 = v5;
        this.v3 = v3;
        this.user = user;
    }

    /** An MQTT 5 device of {@code user}, connected and subscribed to its tree. */
    public static MqttDevice v5(TestBroker broker, String user, String device) {
        return v5(broker, user, device, broker.token(user));
    }

    /** An MQTT 5 device connecting with an arbitrary token; connection failures propagate. */
    public static MqttDevice v5(TestBroker broker, String user, String device, String token) {
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(user + ":" + device)
                .serverHost(broker.host()).serverPort(broker.port()).buildAsync();
        MqttDevice d = new MqttDevice(client, null, user);
        client.publishes(MqttGlobalPublishFilter.ALL, d::add);
        client.connectWith().cleanStart(false).sessionExpiryInterval(3600)
                .simpleAuth().password(token.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .send().join();
        client.subscribeWith().topicFilter(Topics.userTree(user)).qos(MqttQos.AT_LEAST_ONCE).send().join();
        return d;
    }

    /** A worker's MQTT 5 connection with a service token for {@code service}; it subscribes to nothing yet. */
    public static MqttDevice service(TestBroker broker, String service, String instance) {
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(service + ":" + instance)
                .serverHost(broker.host()).serverPort(broker.port()).buildAsync();
        MqttDevice d = new MqttDevice(client, null, service);
        client.publishes(MqttGlobalPublishFilter.ALL, d::add);
        client.connectWith().cleanStart(false).sessionExpiryInterval(3600)
                .simpleAuth().password(broker.serviceToken(service).getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .send().join();
        return d;
    }

    /** Subscribes at QoS 1 to {@code filter}; true when the broker granted it. */
    public boolean subscribe(String filter) {
        if (v3 != null) {
            return !v3.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().join()
                    .getReturnCodes().get(0).isError();
        }
        try {
            return !v5.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().join()
                    .getReasonCodes().get(0).isError();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException) {
                return false;
            }
            throw e;
        }
    }

    /** Publishes at QoS 1 with MQTT 5 user properties (MQTT 5 devices only) and waits for the PUBACK. */
    public Mqtt5PubAckReasonCode publish(String topic, String payload, java.util.Map<String, String> userProperties) {
        var properties = com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties.builder();
        userProperties.forEach(properties::add);
        Mqtt5PublishResult result = v5.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).userProperties(properties.build()).send().join();
        return result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1
                ? qos1.getPubAck().getReasonCode() : Mqtt5PubAckReasonCode.SUCCESS;
    }

    /** Publishes a retained message at QoS 1 (MQTT 5 devices only) and waits for the PUBACK. */
    public void publishRetained(String topic, String payload) {
        v5.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send().join();
    }

    /** Publishes a request at QoS 1 with an MQTT 5 response topic and correlation data (MQTT 5 devices only). */
    public Mqtt5PubAckReasonCode request(String topic, String payload, String responseTopic, String correlation) {
        Mqtt5PublishResult result = v5.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).responseTopic(responseTopic)
                .correlationData(correlation.getBytes(StandardCharsets.UTF_8)).send().join();
        return result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1
                ? qos1.getPubAck().getReasonCode() : Mqtt5PubAckReasonCode.SUCCESS;
    }

    /** An MQTT 3.1.1 device of {@code user}, connected with a persistent session and subscribed to its tree. */
    public static MqttDevice v3(TestBroker broker, String user, String device) {
        Mqtt3AsyncClient client = Mqtt3Client.builder().identifier(user + ":" + device)
                .serverHost(broker.host()).serverPort(broker.port()).buildAsync();
        MqttDevice d = new MqttDevice(null, client, user);
        client.publishes(MqttGlobalPublishFilter.ALL, p -> d.add(p.getTopic().toString(), p.getPayloadAsBytes()));
        client.connectWith().cleanSession(false)
                .simpleAuth().username(user).password(broker.token(user).getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .send().join();
        client.subscribeWith().topicFilter(Topics.userTree(user)).qos(MqttQos.AT_LEAST_ONCE).send().join();
        return d;
    }

    /**
     * Publishes at QoS 1 and waits for the PUBACK. Returns the MQTT 5 reason code, or SUCCESS for 3.1.1
     * (which has none).
     */
    public Mqtt5PubAckReasonCode publish(String topic, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        if (v3 != null) {
            v3.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(bytes).send().join();
            return Mqtt5PubAckReasonCode.SUCCESS;
        }
        Mqtt5PublishResult result;
        try {
            result = v5.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(bytes).send().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException ack) {
                return ack.getMqttMessage().getReasonCode();
            }
            throw e;
        }
        if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1) {
            return qos1.getPubAck().getReasonCode();
        }
        return Mqtt5PubAckReasonCode.SUCCESS;
    }

    /** Publishes at QoS 0 (no acknowledgement to wait for). */
    public void publishAtMostOnce(String topic, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        if (v3 != null) {
            v3.publishWith().topic(topic).qos(MqttQos.AT_MOST_ONCE).payload(bytes).send().join();
        } else {
            v5.publishWith().topic(topic).qos(MqttQos.AT_MOST_ONCE).payload(bytes).send().join();
        }
    }

    private void add(String topic, byte[] payload) {
        queue(topic).add(new Received(topic, new String(payload, StandardCharsets.UTF_8), null, null));
    }

    private void add(com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish publish) {
        String topic = publish.getTopic().toString();
        queue(topic).add(new Received(topic, new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8),
                publish.getResponseTopic().map(Object::toString).orElse(null),
                publish.getCorrelationData().map(b -> StandardCharsets.UTF_8.decode(b.duplicate()).toString()).orElse(null)));
    }

    private BlockingQueue<Received> queue(String topic) {
        return received.computeIfAbsent(topic, t -> new LinkedBlockingQueue<>());
    }

    /** The next message this device receives on {@code topic}; fails after 20 s. */
    public Received next(String topic) {
        return poll(topic, 20_000).orElseThrow(() -> new AssertionError(user + " received nothing on " + topic));
    }

    /** The next message on {@code topic} if one arrives within {@code millis}. */
    public Optional<Received> poll(String topic, long millis) {
        try {
            return Optional.ofNullable(queue(topic).poll(millis, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public boolean isConnected() {
        return v5 != null ? v5.getState().isConnected() : v3.getState().isConnected();
    }

    @Override
    public void close() {
        try {
            if (v5 != null && v5.getState().isConnected()) {
                v5.disconnect().join();
            } else if (v3 != null && v3.getState().isConnected()) {
                v3.disconnect().join();
            }
        } catch (RuntimeException ignored) {
            // already gone
        }
    }
}
