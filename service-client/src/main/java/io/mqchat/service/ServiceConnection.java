package io.mqchat.service;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserPropertiesBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientReconnector;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's connection to the broker as a service account: a persistent session (messages wait while the
 * worker is down), QoS 1 subscriptions whose messages are handled in order on one thread each and
 * acknowledged only once handled, and QoS 0/1 publishing. Reconnects by itself with a fresh token, but not
 * after the broker refused the token.
 *
 * <p>The MQTT client's event loop threads outlive {@link #close()} and are not daemons: a worker's main method
 * ends with {@code System.exit}.
 */
public final class ServiceConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceConnection.class);

    private final String clientId;
    private final Supplier<String> token;
    private final Duration sessionExpiry;
    private final int inFlight;
    private final Clock clock;
    private final Mqtt5AsyncClient mqtt;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private ServiceConnection(Builder builder) {
        this.clientId = builder.clientId;
        this.token = builder.token;
        this.sessionExpiry = builder.sessionExpiry;
        this.inFlight = builder.inFlight;
        this.clock = builder.clock;
        this.mqtt = MqttClient.builder()
                .useMqttVersion5()
                .identifier(clientId)
                .serverHost(builder.host)
                .serverPort(builder.port)
                .automaticReconnect()
                .initialDelay(100, TimeUnit.MILLISECONDS)
                .maxDelay(5, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addDisconnectedListener(context -> {
                    Mqtt5ClientReconnector reconnector = ((Mqtt5ClientDisconnectedContext) context).getReconnector();
                    if (closed || isRefusedToken(context.getCause())) {
                        // Retrying a token the broker refused only hides the problem: fail loudly instead.
                        reconnector.reconnect(false);
                        return;
                    }
                    reconnector.connectWith()
                            .cleanStart(false)
                            .sessionExpiryInterval(sessionExpiry.toSeconds())
                            .simpleAuth().password(token.get().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                            .restrictions().receiveMaximum(builder.inFlight).applyRestrictions()
                            .applyConnect();
                })
                .buildAsync();
        // Before connect: a persistent session's waiting messages arrive right after CONNACK.
        mqtt.publishes(MqttGlobalPublishFilter.ALL, this::dispatch, true);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The client id, {@code {service}:{instance}}. */
    public String clientId() {
        return clientId;
    }

    /**
     * Subscribes to {@code topic} (QoS 1, a plain subscription of this persistent session) on the next
     * {@link #connect()}; messages are handled in order on one thread. Partitioned feeds are consumed through
     * {@link FeedLanes}.
     */
    public ServiceConnection subscribe(String topic, MessageHandler handler) {
        subscriptions.add(new Subscription(topic, handler, Backoff.DEFAULT, clientId + " " + topic, clock,
                new FeedProbe(clock)));
        return this;
    }

    /**
     * Since when (epoch ms) the oldest work of this session waits: a message received and not yet acknowledged, or a
     * probe published and not yet back; empty when nothing waits.
     */
    public Optional<Long> oldestWaiting() {
        Optional<Long> oldest = Optional.empty();
        for (Subscription subscription : subscriptions) {
            oldest = earliest(oldest, subscription.oldestWaiting());
            oldest = earliest(oldest, subscription.probe().outSince());
        }
        return oldest;
    }

    private static Optional<Long> earliest(Optional<Long> a, Optional<Long> b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : Optional.of(Math.min(a.get(), b.get()));
    }

    /** Messages this session dropped because they could not be handled at all (a dead-letter count). */
    public long deadLetters() {
        return subscriptions.stream().mapToLong(Subscription::deadLetters).sum();
    }

    /** Publishes a probe into every subscribed topic whose previous probe is back (see {@link FeedProbe}). */
    void probe() {
        if (closed || !isConnected()) {
            return;
        }
        for (Subscription subscription : subscriptions) {
            subscription.probe().next(subscription.filter()).ifPresent(probe -> publish(probe)
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            subscription.probe().notSent();
                        }
                    }));
        }
    }

    /** Connects and subscribes; blocks until both are done or {@code timeout} passed. */
    public void connect(Duration timeout) {
        awaitConnected(connectAsync(), timeout);
    }

    /** Waits for {@code connecting}, a {@link #connectAsync()} of this connection, turning failures into exceptions. */
    void awaitConnected(CompletableFuture<Void> connecting, Duration timeout) {
        try {
            connecting.get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException wrapped ? wrapped.getCause() : e.getCause();
            throw new IllegalStateException("service " + clientId + " cannot connect: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("service " + clientId + " cannot connect within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting " + clientId, e);
        }
    }

    /** Connects and subscribes without blocking; the future completes once the broker accepted both. */
    public CompletableFuture<Void> connectAsync() {
        CompletableFuture<?> done = mqtt.connectWith()
                .cleanStart(false)
                .sessionExpiryInterval(sessionExpiry.toSeconds())
                .simpleAuth().password(token.get().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .restrictions().receiveMaximum(inFlight).applyRestrictions()
                .send();
        for (Subscription subscription : subscriptions) {
            // Also when the session was kept: a worker that crashed between CONNACK and SUBACK would
            // otherwise have a session without its subscription.
            done = done.thenCompose(previous -> mqtt.subscribeWith().topicFilter(subscription.filter())
                    .qos(MqttQos.AT_LEAST_ONCE).send());
        }
        return done.thenRun(() -> log.info("service {} connected with {} subscription(s)", clientId,
                subscriptions.size()));
    }

    /** {@link #connect(Duration)} with a 30 s limit. */
    public void connect() {
        connect(Duration.ofSeconds(30));
    }

    public boolean isConnected() {
        return mqtt.getState().isConnected();
    }

    /**
     * Publishes; the future completes when the broker acknowledged a QoS 1 message (at once for QoS 0) and
     * fails when the broker refused it or the connection broke first.
     */
    public CompletableFuture<Void> publish(OutboundMessage message) {
        Mqtt5PublishBuilder.Complete publish = Mqtt5Publish.builder()
                .topic(message.topic())
                .qos(message.qos() == 1 ? MqttQos.AT_LEAST_ONCE : MqttQos.AT_MOST_ONCE)
                .payload(message.payload())
                .retain(message.retain());
        if (!message.userProperties().isEmpty()) {
            Mqtt5UserPropertiesBuilder properties = Mqtt5UserProperties.builder();
            for (Map.Entry<String, String> property : message.userProperties().entrySet()) {
                properties.add(property.getKey(), property.getValue());
            }
            publish.userProperties(properties.build());
        }
        message.correlationData().ifPresent(publish::correlationData);
        message.responseTopic().ifPresent(publish::responseTopic);
        message.messageExpiry().ifPresent(publish::messageExpiryInterval);
        return mqtt.publish(publish.build()).thenApply(ServiceConnection::requireAccepted);
    }

    private static boolean isRefusedToken(Throwable cause) {
        if (!(cause instanceof Mqtt5ConnAckException refused)) {
            return false;
        }
        Mqtt5ConnAckReasonCode code = refused.getMqttMessage().getReasonCode();
        return code == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD || code == Mqtt5ConnAckReasonCode.NOT_AUTHORIZED;
    }

    private static Void requireAccepted(Mqtt5PublishResult result) {
        if (result.getError().isPresent()) {
            throw new IllegalStateException("publish to " + result.getPublish().getTopic() + " failed",
                    result.getError().get());
        }
        if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1) {
            Mqtt5PubAck ack = qos1.getPubAck();
            if (ack.getReasonCode().isError()) {
                throw new PublishRefusedException("broker refused a publish to " + result.getPublish().getTopic()
                        + ": " + ack.getReasonCode(), null);
            }
        }
        return null;
    }

    private void dispatch(Mqtt5Publish publish) {
        String topic = publish.getTopic().toString();
        for (Subscription subscription : subscriptions) {
            if (subscription.matches(topic)) {
                subscription.submit(publish);
                return;
            }
        }
        // Not ours (a stale subscription of an older version of this worker): let it go.
        publish.acknowledge();
    }

    /**
     * Stops handling and disconnects. Messages received but not yet handled stay unacknowledged, so the
     * broker re-sends them to the next connection of this session (or to another instance of a shared group).
     */
    @Override
    public void close() {
        closed = true;
        subscriptions.forEach(Subscription::close);
        try {
            if (mqtt.getState().isConnectedOrReconnect()) {
                mqtt.disconnect().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log.debug("service {} did not disconnect cleanly", clientId, e);
        }
    }

    /** Configures a {@link ServiceConnection}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 1883;
        private String clientId;
        private Supplier<String> token;
        private Duration sessionExpiry = Duration.ofDays(7);
        private int inFlight = 100;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** {@code {service}:{instance}}; instances of one service that share work need distinct ids. */
        public Builder clientId(String clientId) {
            this.clientId = Objects.requireNonNull(clientId);
            return this;
        }

        /** The service token, asked for on every (re)connect so that a rotated token is picked up. */
        public Builder token(Supplier<String> token) {
            this.token = Objects.requireNonNull(token);
            return this;
        }

        /** How long the broker keeps the session (and the messages waiting in it) while the worker is down. */
        public Builder sessionExpiry(Duration sessionExpiry) {
            this.sessionExpiry = Objects.requireNonNull(sessionExpiry);
            return this;
        }

        /** How many unacknowledged messages the broker may send at once; the rest wait in the session. */
        public Builder inFlight(int inFlight) {
            this.inFlight = inFlight;
            return this;
        }

        /** The time that says how long work has waited (see {@link #oldestWaiting()}). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public ServiceConnection build() {
            if (clientId == null || token == null) {
                throw new IllegalStateException("clientId and token are required");
            }
            return new ServiceConnection(this);
        }
    }
}
