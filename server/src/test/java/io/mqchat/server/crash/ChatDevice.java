package io.mqchat.server.crash;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A device as a third-party app would be: a plain MQTT 5 client with a persistent session subscribed to its user's
 * tree, reconnecting by itself (and re-sending what the broker had not acknowledged). It records the ids of the chat
 * messages and message changes that reached it and hands other envelopes (responses) to whoever waits for them.
 */
final class ChatDevice implements AutoCloseable {

    private static final Codec CODEC = new Codec();
    private static final long SESSION_EXPIRY = 86_400;

    private final String user;
    private final Mqtt5AsyncClient mqtt;
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final Set<String> changes = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Envelope> responses = new LinkedBlockingQueue<>();

    @Override
    public String toString() {
        return mqtt.getConfig().getClientIdentifier().map(Object::toString).orElse(user);
    }

    private ChatDevice(String user, Mqtt5AsyncClient mqtt) {
        this.user = user;
        this.mqtt = mqtt;
    }

    /** Connects {@code user:device} with a persistent session and subscribes to {@code u/{user}/#}. */
    static ChatDevice connect(String user, String device, int port, String token) {
        Mqtt5AsyncClient mqtt = MqttClient.builder().useMqttVersion5().identifier(user + ":" + device)
                .serverHost("127.0.0.1").serverPort(port)
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                // On the client, not the CONNECT: the automatic reconnect keeps neither the password nor the session.
                .simpleAuth().username(user).password(token.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .addDisconnectedListener(context -> ((Mqtt5ClientDisconnectedContext) context).getReconnector()
                        .connectWith().cleanStart(false).sessionExpiryInterval(SESSION_EXPIRY).applyConnect())
                .buildAsync();
        ChatDevice chat = new ChatDevice(user, mqtt);
        mqtt.publishes(MqttGlobalPublishFilter.ALL, chat::receive);
        chat.reconnect();
        mqtt.subscribeWith().topicFilter(Topics.userTree(user)).qos(MqttQos.AT_LEAST_ONCE).send().join();
        return chat;
    }

    private void receive(Mqtt5Publish publish) {
        try {
            for (Envelope envelope : CODEC.decodeAll(publish.getPayloadAsBytes())) {
                if (publish.getTopic().toString().equals(Topics.inbox(user)) && envelope instanceof ChatMessage m) {
                    received.add(m.id());
                } else if (publish.getTopic().toString().equals(Topics.inbox(user))
                        && envelope instanceof MessageChange change) {
                    changes.add(change.id());
                } else if (publish.getTopic().toString().equals(Topics.responses(user))) {
                    responses.add(envelope);
                }
            }
        } catch (ProtocolException e) {
            throw new IllegalStateException("the server sent something unreadable", e);
        }
    }

    /**
     * Publishes a request at QoS 1; completes with true once the broker acknowledged it without an error (SENT),
     * false when it refused it. Publishes made while the connection is down are sent when it is back.
     */
    CompletableFuture<Boolean> publish(String topic, String json) {
        return mqtt.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(json.getBytes(StandardCharsets.UTF_8)).send()
                .thenApply(ChatDevice::accepted);
    }

    private static boolean accepted(Mqtt5PublishResult result) {
        return result.getError().isEmpty() && result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1
                && !qos1.getPubAck().getReasonCode().isError();
    }

    /** Ids of the chat messages this device received so far. */
    Set<String> received() {
        return received;
    }

    /** Ids of the edits, deletes and reactions this device was told of so far. */
    Set<String> changes() {
        return changes;
    }

    /** The next response on {@code u/{user}/responses}, or null after {@code seconds}. */
    Envelope nextResponse(int seconds) throws InterruptedException {
        return responses.poll(seconds, TimeUnit.SECONDS);
    }

    /** Goes offline keeping its session (the broker queues for it). */
    void disconnect() {
        mqtt.disconnect().join();
    }

    /** Comes (back) online on its session. */
    void reconnect() {
        mqtt.connectWith().cleanStart(false).sessionExpiryInterval(SESSION_EXPIRY).send().join();
    }

    @Override
    public void close() {
        if (mqtt.getState().isConnectedOrReconnect()) {
            try {
                mqtt.disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the server is already gone
            }
        }
    }
}
