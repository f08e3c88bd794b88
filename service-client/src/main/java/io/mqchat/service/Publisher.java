package io.mqchat.service;

import com.hivemq.client.mqtt.exceptions.MqttEncodeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a batch and waits until the broker has acknowledged all of it. Handlers return (and so acknowledge
 * what they are handling) only after that, so a crash or a broken connection mid-batch means the broker
 * re-sends the inbound message and the batch goes out again; receivers drop the copies by id.
 */
public final class Publisher {

    private final ServiceConnection connection;
    private final Duration timeout;

    /**
     * @param connection the worker's broker connection
     * @param timeout    how long a batch may wait for the broker's acknowledgements
     */
    public Publisher(ServiceConnection connection, Duration timeout) {
        this.connection = connection;
        this.timeout = timeout;
    }

    /**
     * Publishes every message and waits for the broker.
     *
     * @throws RetryLater              when the broker did not acknowledge them all in time (the caller's message is
     *                                  retried)
     * @throws PublishRefusedException when the broker refused one or it is larger than the broker accepts: retrying
     *                                  could never succeed, so the caller's message is dropped (a dead letter)
     */
    public void publishAll(List<OutboundMessage> messages) throws RetryLater {
        CompletableFuture<?>[] pending = messages.stream().map(connection::publish).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(pending).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (isPermanent(e.getCause())) {
                throw new PublishRefusedException("the broker will never take a publish: " + e.getCause().getMessage(),
                        e.getCause());
            }
            throw new RetryLater("the broker did not take a publish: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RetryLater("the broker did not acknowledge " + messages.size() + " publishes within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLater("interrupted while publishing", e);
        }
    }

    private static boolean isPermanent(Throwable cause) {
        return cause instanceof PublishRefusedException || cause instanceof MqttEncodeException;
    }
}
