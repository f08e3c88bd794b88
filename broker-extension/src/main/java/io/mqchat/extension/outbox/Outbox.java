package io.mqchat.extension.outbox;

import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.PayloadFormatIndicator;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.builder.PublishBuilder;
import com.hivemq.extension.sdk.api.services.publish.Publish;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import io.mqchat.extension.cluster.CrossNode;
import com.hivemq.extension.sdk.api.services.publish.PublishToClientResult;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages the server itself publishes (receipts, errors, notices, copies for a sender's other devices).
 * Every publish but a signal is QoS 1, so it is queued for offline devices, and asynchronous, so no caller
 * blocks.
 */
public final class Outbox {

    /** Marks a message with the client that caused it; that client never gets its own copy back. */
    public static final String ORIGIN_PROPERTY = "mqchat-origin";

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final PublishService publishService;
    private final Codec codec;
    private final CrossNode crossNode;

    /** One node alone: everything is delivered here. */
    public Outbox(PublishService publishService, Codec codec) {
        this(publishService, codec, CrossNode.singleNode());
    }

    /** @param crossNode sends what is meant for users homed on other nodes there */
    public Outbox(PublishService publishService, Codec codec, CrossNode crossNode) {
        this.publishService = publishService;
        this.codec = codec;
        this.crossNode = crossNode;
    }

    /** Publishes {@code envelope} to {@code topic}. */
    public CompletableFuture<Void> publish(String topic, Envelope envelope) {
        return publish(topic, codec.encode(envelope), null);
    }

    /** Publishes {@code envelope} to every subscriber of {@code topic} but the client {@code originClientId}. */
    public CompletableFuture<Void> publishExceptOrigin(String topic, Envelope envelope, String originClientId) {
        return publish(topic, codec.encode(envelope), originClientId);
    }

    /** Publishes an already encoded payload, marked with its origin client when one is given. */
    public CompletableFuture<Void> publish(String topic, byte[] payload, String originClientId) {
        return publish(topic, payload, originClientId, null);
    }

    /**
     * Publishes an already encoded payload that the broker drops from offline queues after {@code expirySeconds}
     * (none when null), marked with its origin client when one is given.
     */
    public CompletableFuture<Void> publish(String topic, byte[] payload, String originClientId, Integer expirySeconds) {
        PublishBuilder builder = builder(topic, payload);
        if (originClientId != null) {
            builder.userProperty(ORIGIN_PROPERTY, originClientId);
        }
        if (expirySeconds != null) {
            builder.messageExpiryInterval(expirySeconds);
        }
        Publish publish = builder.build();
        return logFailure(crossNode.deliver(publish, () -> publishService.publish(publish)), topic);
    }

    /**
     * Publishes a signal at QoS 0: delivered to connected devices only, never stored for offline ones (typing
     * is worth nothing later). Marked with its origin client.
     */
    public CompletableFuture<Void> publishSignal(String topic, byte[] payload, String originClientId) {
        Publish publish = builder(topic, payload).qos(Qos.AT_MOST_ONCE)
                .userProperty(ORIGIN_PROPERTY, originClientId).build();
        return logFailure(crossNode.deliver(publish, () -> publishService.publish(publish)), topic);
    }

    /** Publishes {@code envelope} on {@code topic} to one client only (it must be subscribed to the topic). */
    public CompletableFuture<Void> publishToClient(String clientId, String topic, Envelope envelope) {
        return logFailure(publishService.publishToClient(builder(topic, codec.encode(envelope)).build(), clientId)
                .thenApply(result -> null), topic);
    }

    /**
     * Publishes {@code envelope} on {@code topic} to one client; when that client subscribes to nothing matching (a
     * one-shot publisher such as {@code mosquitto_pub}), to every subscriber of {@code topic} instead.
     */
    public CompletableFuture<Void> publishToClientOrAll(String clientId, String topic, Envelope envelope) {
        byte[] payload = codec.encode(envelope);
        return logFailure(publishService.publishToClient(builder(topic, payload).build(), clientId)
                .thenCompose(result -> result == PublishToClientResult.NOT_SUBSCRIBED
                        ? publishService.publish(builder(topic, payload).build())
                        : CompletableFuture.completedFuture(null)), topic);
    }

    private static PublishBuilder builder(String topic, byte[] payload) {
        return Builders.publish()
                .topic(topic)
                .qos(Qos.AT_LEAST_ONCE)
                .payloadFormatIndicator(PayloadFormatIndicator.UTF_8)
                .payload(ByteBuffer.wrap(payload));
    }

    private static CompletableFuture<Void> logFailure(CompletableFuture<Void> future, String topic) {
        return future.whenComplete((ok, error) -> {
            if (error != null) {
                log.warn("server publish to {} failed: {}", topic, error.toString());
            }
        });
    }
}
