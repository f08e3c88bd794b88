package io.mqchat.service;

import io.mqchat.protocol.ServiceTopics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A partitioned feed as one worker instance consumes it: for every lane it owns, a persistent session of its own,
 * {@code {service}:{name}-{lane}}, with a plain subscription to the lane's topic, handled in order on the lane's own
 * thread and acknowledged only once handled. The session belongs to the lane, not to the instance, so whichever
 * instance is configured for a lane resumes what waits in it.
 *
 * <p>It also measures itself: every {@value #PROBE_SECONDS} s each idle lane gets a {@link FeedProbe}, and
 * {@link #lag()} is the age of the oldest work not yet done, a message received but not acknowledged or a probe not
 * back, so a lane that stopped moving shows, whatever stopped it.
 *
 * <p>Why not shared subscriptions: HiveMQ CE never re-delivers what was in flight to a shared subscription when
 * the broker is killed; a plain persistent subscription re-delivers it. Why a session per lane: MQTT acknowledges
 * in order within a session, so one waiting message would hold up every other lane of the same session.
 */
public final class FeedLanes implements AutoCloseable {

    /** How often a lane whose previous probe is back gets the next one. */
    static final int PROBE_SECONDS = 10;

    private final String feed;
    private final List<ServiceConnection> connections;
    private final Clock clock;
    private final ScheduledExecutorService prober;

    private FeedLanes(String feed, List<ServiceConnection> connections, Clock clock) {
        this.feed = feed;
        this.connections = connections;
        this.clock = clock;
        this.prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "probe " + feed);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The lanes {@code lanes} of {@code feed}, not yet connected.
     *
     * @param sessionPrefix {@code {service}:{name}}; the lane's number is appended to make each session's client id
     * @param connections   makes a (not yet connected) connection for a client id
     * @param handlers      makes the handler of one lane; it is given the lane's connection, through which whatever
     *                      the handler publishes leaves (so it is acknowledged before the lane's message is)
     * @param clock         the time {@link #lag()} is measured in; the connections should use the same
     */
    public static FeedLanes of(String feed, LaneSet lanes, String sessionPrefix,
                               Function<String, ServiceConnection> connections,
                               Function<ServiceConnection, MessageHandler> handlers, Clock clock) {
        List<ServiceConnection> list = new ArrayList<>();
        for (int lane : lanes.lanes()) {
            ServiceConnection connection = connections.apply(sessionPrefix + "-" + lane);
            connection.subscribe(ServiceTopics.lane(feed, lane), handlers.apply(connection));
            list.add(connection);
        }
        return new FeedLanes(feed, List.copyOf(list), clock);
    }

    /** Connects every lane's session at once; blocks until all are connected and subscribed. */
    public void connect(Duration timeout) {
        // Start them all, then wait for each: a lane's connect mostly waits for the broker.
        List<CompletableFuture<Void>> connecting = connections.stream().map(ServiceConnection::connectAsync).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < connections.size(); i++) {
            connections.get(i).awaitConnected(connecting.get(i), Duration.ofNanos(deadline - System.nanoTime()));
        }
        prober.scheduleWithFixedDelay(() -> connections.forEach(ServiceConnection::probe), PROBE_SECONDS,
                PROBE_SECONDS, TimeUnit.SECONDS);
    }

    /** {@link #connect(Duration)} with a 30 s limit. */
    public void connect() {
        connect(Duration.ofSeconds(30));
    }

    /** The feed's topic without the lane, e.g. {@code svc/groups/messages}. */
    public String feed() {
        return feed;
    }

    /** How long the oldest work of any lane has waited: zero when every lane is done with what it got. */
    public Duration lag() {
        long now = clock.millis();
        long oldest = now;
        for (ServiceConnection connection : connections) {
            oldest = Math.min(oldest, connection.oldestWaiting().orElse(now));
        }
        return Duration.ofMillis(Math.max(0, now - oldest));
    }

    /** Messages the lanes dropped because they could not be handled at all. */
    public long deadLetters() {
        return connections.stream().mapToLong(ServiceConnection::deadLetters).sum();
    }

    /** True while every lane's session is connected (for a readiness check). */
    public boolean isConnected() {
        return connections.stream().allMatch(ServiceConnection::isConnected);
    }

    /** Disconnects every lane; what was received but not handled is re-sent to the lane's next session. */
    @Override
    public void close() {
        prober.shutdownNow();
        RuntimeException failure = null;
        for (ServiceConnection connection : connections) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
