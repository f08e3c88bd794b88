package io.mqchat.groups.worker;

import io.mqchat.protocol.UserIds;
import io.mqchat.service.LaneSet;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a group-worker reaches the broker.
 *
 * @param host     the broker's host
 * @param port     its MQTT port
 * @param instance this instance's name, unique among the group-workers; its session for membership change
 *                 announcements is {@code svc-groups:{instance}}
 * @param lanes    the lanes of group traffic and admin requests this instance owns; their sessions,
 *                 {@code svc-groups:traffic-{lane}} and {@code svc-groups:admin-{lane}}, belong to the lane, so
 *                 whichever instance owns a lane resumes what waits in it
 * @param token    the service token for subject {@value GroupWorker#SERVICE}, asked on every (re)connect
 */
public record BrokerLink(String host, int port, String instance, LaneSet lanes, Supplier<String> token) {

    public BrokerLink {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(lanes, "lanes");
        Objects.requireNonNull(token, "token");
        if (instance == null || !UserIds.isValidDeviceId(instance)) {
            throw new IllegalArgumentException("not a valid worker instance name: " + instance);
        }
    }

    /** A link for the only instance: it owns every lane. */
    public BrokerLink(String host, int port, String instance, Supplier<String> token) {
        this(host, port, instance, LaneSet.everyLane(), token);
    }

    /** The MQTT client id of this instance's session for membership change announcements. */
    public String changesClientId() {
        return GroupWorker.SERVICE + ":" + instance;
    }

    /** The prefix of the group traffic lanes' client ids. */
    String trafficSessions() {
        return GroupWorker.SERVICE + ":traffic";
    }

    /** The prefix of the admin request lanes' client ids. */
    String adminSessions() {
        return GroupWorker.SERVICE + ":admin";
    }
}
