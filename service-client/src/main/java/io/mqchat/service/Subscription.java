package io.mqchat.service;

import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription of a worker and the single thread that handles its messages in arrival order,
 * acknowledging each only once handled. It knows since when its oldest unacknowledged message waits, and answers
 * the {@linkplain FeedProbe probes} that measure the feed end to end instead of handing them to the handler.
 */
final class Subscription {

    private static final Logger log = LoggerFactory.getLogger(Subscription.class);

    private final String filter;
    private final MqttTopicFilter matcher;
    private final MessageHandler handler;
    private final Backoff backoff;
    private final ExecutorService thread;
    private final Clock clock;
    private final FeedProbe probe;
    private final ConcurrentLinkedDeque<Long> arrivals = new ConcurrentLinkedDeque<>();
    private final AtomicLong deadLetters = new AtomicLong();
    private volatile boolean closed;

    Subscription(String filter, MessageHandler handler, Backoff backoff, String threadName, Clock clock,
                 FeedProbe probe) {
        this.clock = clock;
        this.probe = probe;
        this.filter = filter;
        this.matcher = MqttTopicFilter.of(filter);
        this.handler = handler;
        this.backoff = backoff;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** The filter as subscribed, e.g. {@code svc/presence/events/3} (a lane's topic). */
    String filter() {
        return filter;
    }

    long deadLetters() {
        return deadLetters.get();
    }

    FeedProbe probe() {
        return probe;
    }

    boolean matches(String topic) {
        return matcher.matches(MqttTopic.of(topic));
    }

    void submit(Mqtt5Publish publish) {
        if (closed) {
            return; // unacknowledged: the broker re-sends it to the session's next connection
        }
        arrivals.add(clock.millis());
        try {
            thread.execute(() -> {
                try {
                    handle(publish);
                } finally {
                    arrivals.pollFirst();
                }
            });
        } catch (RejectedExecutionException closedMeanwhile) {
            arrivals.pollLast();
        }
    }

    /** When the oldest message received and not yet acknowledged arrived (epoch ms), if one waits. */
    Optional<Long> oldestWaiting() {
        return Optional.ofNullable(arrivals.peekFirst());
    }

    private void handle(Mqtt5Publish publish) {
        InboundMessage message = Inbound.of(publish);
        if (probe.answers(message)) {
            publish.acknowledge();
            return;
        }
        for (int failures = 1; !closed; failures++) {
            try {
                handler.handle(message);
                break;
            } catch (RetryLater e) {
                if (failures == 1 || failures % 20 == 0) {
                    log.warn("cannot handle a message on '{}' yet ({}); retrying", message.topic(), e.getMessage());
                }
                if (!sleep(backoff.after(failures).toMillis())) {
                    return;
                }
            } catch (Exception | LinkageError e) {
                deadLetters.incrementAndGet();
                log.error("dropping a message on '{}' that cannot be handled", message.topic(), e);
                break;
            }
        }
        if (!closed) {
            publish.acknowledge();
        }
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops handling; messages not yet acknowledged are re-sent by the broker to the next connection. */
    void close() {
        closed = true;
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
