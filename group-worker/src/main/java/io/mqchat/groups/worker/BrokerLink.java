package io.mqchat.groups.worker;

import io.mqchat.protocol.UserIds;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a group-worker reaches the broker.
 *
 * @param host     the broker's host
 * @param port     its MQTT port
 * @param instance this instance's name, unique among the group-workers; its MQTT sessions are
 *                 {@code svc-groups:{instance}} (group traffic) and {@code svc-groups:{instance}-admin} (admin
 *                 requests and change announcements), so a restarted instance resumes both
 * @param token    the service token for subject {@value GroupWorker#SERVICE}, asked on every (re)connect
 */
public record BrokerLink(String host, int port, String instance, Supplier<String> token) {

    public BrokerLink {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        if (instance == null || !UserIds.isValidDeviceId(instance + ADMIN_SUFFIX)) {
            throw new IllegalArgumentException("not a valid worker instance name: " + instance);
        }
    }

    private static final String ADMIN_SUFFIX = "-admin";

    /** The MQTT client id of this instance's group traffic connection. */
    public String trafficClientId() {
        return GroupWorker.SERVICE + ":" + instance;
    }

    /** The MQTT client id of this instance's admin connection. */
    public String adminClientId() {
        return GroupWorker.SERVICE + ":" + instance + ADMIN_SUFFIX;
    }
}
