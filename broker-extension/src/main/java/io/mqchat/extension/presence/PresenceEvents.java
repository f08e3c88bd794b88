package io.mqchat.extension.presence;

import io.mqchat.extension.outbox.Outbox;
import io.mqchat.protocol.PresenceEvent;
import io.mqchat.protocol.ServiceTopics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes presence events for the presence-worker on {@link ServiceTopics#PRESENCE_EVENTS}: asynchronously
 * through the broker's publish service, so no broker thread waits. Activity is throttled to one event per
 * user per interval: the worker needs it only to know a user's last activity after a broker crash.
 */
public final class PresenceEvents {

    private final Outbox outbox;
    private final Clock clock;
    private final long activityIntervalMillis;
    private final ConcurrentHashMap<String, Long> lastActivityEvent = new ConcurrentHashMap<>();

    public PresenceEvents(Outbox outbox, Clock clock, Duration activityInterval) {
        this.outbox = outbox;
        this.clock = clock;
        this.activityIntervalMillis = activityInterval.toMillis();
    }

    public void brokerStarted(String brokerRun, String node) {
        publish(PresenceEvent.brokerStarted(brokerRun, node, clock.millis()));
    }

    void connected(LiveConnection connection, String brokerRun) {
        long now = clock.millis();
        lastActivityEvent.put(connection.device().user(), now);
        publish(PresenceEvent.connected(connection.device().user(), connection.device().device(), connection.id(),
                brokerRun, now));
    }

    public void disconnected(LiveConnection connection, String brokerRun, boolean lastDevice) {
        if (lastDevice) {
            lastActivityEvent.remove(connection.device().user());
        }
        publish(PresenceEvent.disconnected(connection.device().user(), connection.device().device(), connection.id(),
                brokerRun, connection.lastActivity(), clock.millis()));
    }

    /** Called on every packet of a device: cheap unless the user's interval has passed. */
    public void active(LiveConnection connection, String brokerRun) {
        String user = connection.device().user();
        long now = connection.lastActivity();
        Long last = lastActivityEvent.get(user);
        if (last != null && now - last < activityIntervalMillis) {
            return;
        }
        if (last == null ? lastActivityEvent.putIfAbsent(user, now) == null : lastActivityEvent.replace(user, last, now)) {
            publish(PresenceEvent.active(user, connection.device().device(), connection.id(), brokerRun, now,
                    clock.millis()));
        }
    }

    public void privacy(String user, String privacy, String brokerRun) {
        publish(PresenceEvent.privacy(user, privacy, brokerRun, clock.millis()));
    }

    private void publish(PresenceEvent event) {
        // A user's events share a lane; broker_started (about every user) goes to the lane of the broker's run.
        String laneKey = event.user() != null ? event.user() : event.broker();
        outbox.publish(ServiceTopics.laneFor(ServiceTopics.PRESENCE_EVENTS, laneKey), event);
    }
}
