package io.mqchat.client.internal;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Publishes this device's requests and reports the server's refusals as exceptions the app can read. */
public final class Outbound {

    private final Mqtt5AsyncClient mqtt;
    private final InOrderAnswers acknowledgements = new InOrderAnswers();

    public Outbound(Mqtt5AsyncClient mqtt) {
        this.mqtt = mqtt;
    }

    /**
     * QoS 1; completes at the PUBACK, after every earlier QoS 1 publish of this device has (so that SENT follows
     * the sending order), fails with a SendRejectedException naming {@code ref} when refused.
     */
    public CompletableFuture<Void> publish(String topic, byte[] payload, String ref) {
        return acked(acknowledgements.publish(
                () -> mqtt.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send()), ref);
    }

    /**
     * QoS 1 with an MQTT 5 response topic and {@code ref} as correlation data, so that MQTT 5 tooling sees the
     * request/response pair too; the answer is matched by the {@code ref} the payload carries.
     */
    public CompletableFuture<Void> request(String topic, byte[] payload, String ref, String responseTopic) {
        Mqtt5PublishBuilder.Send.Complete<CompletableFuture<Mqtt5PublishResult>> publish = mqtt.publishWith()
                .topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload)
                .responseTopic(responseTopic)
                .correlationData(ref.getBytes(StandardCharsets.UTF_8));
        return acked(acknowledgements.publish(publish::send), ref);
    }

    /** QoS 0: a signal worth something only now; completes once handed to the connection. */
    public CompletableFuture<Void> signal(String topic, byte[] payload) {
        return acked(mqtt.publishWith().topic(topic).qos(MqttQos.AT_MOST_ONCE).payload(payload).send(), null);
    }

    private static CompletableFuture<Void> acked(CompletableFuture<Mqtt5PublishResult> sending, String ref) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        sending.whenComplete((result, failure) -> {
            Throwable refusal = failure != null ? failure : result.getError().orElse(null);
            if (refusal == null) {
                acked.complete(null);
            } else {
                acked.completeExceptionally(PublishRefusals.translate(refusal, ref));
            }
        });
        return acked;
    }
}
