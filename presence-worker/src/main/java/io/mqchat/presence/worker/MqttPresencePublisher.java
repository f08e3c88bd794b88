package io.mqchat.presence.worker;

import io.mqchat.presence.tracking.PresencePublisher;
import io.mqchat.presence.tracking.PublishFailedException;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Presence;
import io.mqchat.protocol.Topics;
import io.mqchat.service.OutboundMessage;
import io.mqchat.service.ServiceConnection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Retains presence on {@code p/{user}} at QoS 1 through the worker's connection and waits for the PUBACK. */
final class MqttPresencePublisher implements PresencePublisher {

    private final ServiceConnection connection;
    private final Codec codec;
    private final Duration timeout;

    MqttPresencePublisher(ServiceConnection connection, Codec codec, Duration timeout) {
        this.connection = connection;
        this.codec = codec;
        this.timeout = timeout;
    }

    @Override
    public void publish(Presence presence) {
        OutboundMessage message = OutboundMessage.to(Topics.presence(presence.user()), codec.encode(presence))
                .qos(1).retain(true).build();
        try {
            connection.publish(message).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishFailedException("presence of " + presence.user() + " not published: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("presence of " + presence.user() + " not confirmed within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing the presence of " + presence.user(), e);
        }
    }
}
