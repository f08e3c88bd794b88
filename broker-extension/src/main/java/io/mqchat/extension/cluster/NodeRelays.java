package io.mqchat.extension.cluster;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserPropertiesBuilder;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import com.hivemq.extension.sdk.api.packets.general.UserProperty;
import io.mqchat.cluster.NodeInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's connections to the other nodes, one MQTT 5 client per node, as a broker bridge has: a publish for a
 * user homed elsewhere goes over it into the user's tree on the home node, at QoS 1, and counts as delivered only
 * once the home node's broker acknowledged it, i.e. stored it in the user's queues. The connection authenticates as
 * the service account {@code svc-relay} with {@code svc-relay:{this node}} as client id.
 */
public final class NodeRelays implements AutoCloseable {

    /** The relay's service account; the receiving node recognises relays by it. */
    public static final String SERVICE = "svc-relay";
    private static final Logger log = LoggerFactory.getLogger(NodeRelays.class);

    private final NodeInfo self;
    private final Supplier<String> serviceToken;
    private final Duration timeout;
    private final Map<String, Relay> relays = new ConcurrentHashMap<>();

    /**
     * @param serviceToken a fresh service token for {@link #SERVICE}, asked before every connection
     * @param timeout      how long a relayed publish may wait for the home node's acknowledgement
     */
    public NodeRelays(NodeInfo self, Supplier<String> serviceToken, Duration timeout) {
        this.self = self;
        this.serviceToken = serviceToken;
        this.timeout = timeout;
    }

    /** True when {@code clientId} is another node's relay connection. */
    public static boolean isRelay(String clientId) {
        return clientId.startsWith(SERVICE + ":");
    }

    /** Publishes {@code publish} on {@code node}; completes once that node stored it, fails when it did not. */
    public CompletableFuture<Void> forward(NodeInfo node, RelayPublish publish) {
        Relay relay = relayTo(node);
        Mqtt5PublishBuilder.Complete builder = Mqtt5Publish.builder().topic(publish.topic())
                .qos(publish.atLeastOnce() ? MqttQos.AT_LEAST_ONCE : MqttQos.AT_MOST_ONCE)
                .payload(publish.payload()).payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8)
                .retain(publish.retain())
                .userProperties(properties(publish));
        if (publish.expirySeconds().isPresent()) {
            builder.messageExpiryInterval(publish.expirySeconds().get());
        }
        Mqtt5Publish message = builder.build();
        // The client refuses publishes while it is not connected: wait for the connection, within the same timeout.
        // A node that cannot be reached within a fraction of the timeout is likely dead: the caller looks again.
        return relay.connected().copy().orTimeout(timeout.toMillis() / 4, TimeUnit.MILLISECONDS)
                .thenCompose(up -> relay.client().publish(message))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenAccept(result -> requireStored(node, result));
    }

    private static void requireStored(NodeInfo node, Mqtt5PublishResult result) {
        if (result.getError().isPresent()) {
            throw new RelayRefusedException("node " + node.id() + ": " + result.getError().get().getMessage());
        }
        if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1) {
            Mqtt5PubAck ack = qos1.getPubAck();
            if (ack.getReasonCode().isError()) {
                throw new RelayRefusedException("node " + node.id() + " refused: " + ack.getReasonCode()
                        + ack.getReasonString().map(reason -> " " + reason).orElse(""));
            }
        }
    }

    private static Mqtt5UserProperties properties(RelayPublish publish) {
        Mqtt5UserPropertiesBuilder builder = Mqtt5UserProperties.builder();
        for (UserProperty property : publish.userProperties()) {
            builder.add(property.getName(), property.getValue());
        }
        return builder.build();
    }

    private Relay relayTo(NodeInfo node) {
        return relays.compute(node.id(), (id, existing) -> {
            if (existing != null && existing.address().equals(node.relay())) {
                return existing;
            }
            if (existing != null) {
                existing.client().disconnect();
            }
            return connect(node);
        });
    }

    private Relay connect(NodeInfo node) {
        int colon = node.relay().lastIndexOf(':');
        String host = node.relay().substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        Relay relay = new Relay(node.relay());
        Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5().identifier(SERVICE + ":" + self.id())
                .serverHost(host).serverPort(Integer.parseInt(node.relay().substring(colon + 1)))
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(2, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(context -> relay.up())
                // A fresh token for every attempt: the automatic reconnect would reuse the first one forever.
                .addDisconnectedListener(context -> {
                    relay.down();
                    ((Mqtt5ClientDisconnectedContext) context).getReconnector().connectWith().simpleAuth()
                            .username(SERVICE).password(token()).applySimpleAuth().applyConnect();
                })
                .buildAsync();
        relay.client = client;
        client.connectWith().cleanStart(true).simpleAuth().username(SERVICE).password(token()).applySimpleAuth()
                .send().whenComplete((connAck, failure) -> {
                    if (failure != null) {
                        log.warn("relay to node {} at {} not connected yet: {}", node.id(), node.relay(),
                                failure.toString());
                    }
                });
        return relay;
    }

    private byte[] token() {
        return serviceToken.get().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        relays.values().forEach(relay -> relay.client().disconnect());
        relays.clear();
    }

    /** One node's relay connection, the address it was made for, and whether it is up. */
    private static final class Relay {

        private final String address;
        private volatile Mqtt5AsyncClient client;
        private volatile CompletableFuture<Void> connected = new CompletableFuture<>();

        Relay(String address) {
            this.address = address;
        }

        String address() {
            return address;
        }

        Mqtt5AsyncClient client() {
            return client;
        }

        /** Completes once the connection is up: at once while it is. */
        CompletableFuture<Void> connected() {
            return connected;
        }

        void up() {
            connected.complete(null);
        }

        synchronized void down() {
            if (connected.isDone()) {
                connected = new CompletableFuture<>();
            }
        }
    }
}
