package io.mqchat.archive.worker;

import io.mqchat.protocol.UserIds;
import io.mqchat.service.LaneSet;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How an archive-worker reaches the broker.
 *
 * @param host     the broker's host
 * @param port     its MQTT port
 * @param instance this instance's name, unique among the archive-workers (for its logs and metrics)
 * @param lanes    the lanes of the archive feed and of history requests this instance owns; their sessions,
 *                 {@code svc-archive:feed-{lane}} and {@code svc-archive:sync-{lane}}, belong to the lane, so
 *                 whichever instance owns a lane resumes what waits in it
 * @param token    the service token for subject {@value ArchiveWorker#SERVICE}, asked on every (re)connect
 */
public record BrokerLink(String host, int port, String instance, LaneSet lanes, Supplier<String> token) {

    public BrokerLink {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(lanes, "lanes");
        Objects.requireNonNull(token, "token");
        if (!isValidInstance(instance)) {
            throw new IllegalArgumentException("not a valid worker instance name: " + instance);
        }
    }

    /** A link for the only instance: it owns every lane. */
    public BrokerLink(String host, int port, String instance, Supplier<String> token) {
        this(host, port, instance, LaneSet.everyLane(), token);
    }

    /** True when {@code instance} is a valid instance name. */
    public static boolean isValidInstance(String instance) {
        return instance != null && UserIds.isValidDeviceId(instance);
    }

    /** The prefix of the feed lanes' client ids. */
    String feedSessions() {
        return ArchiveWorker.SERVICE + ":feed";
    }

    /** The prefix of the history request lanes' client ids. */
    String syncSessions() {
        return ArchiveWorker.SERVICE + ":sync";
    }
}
