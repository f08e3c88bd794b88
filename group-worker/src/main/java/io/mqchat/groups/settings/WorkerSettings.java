package io.mqchat.groups.settings;

import io.mqchat.service.FeedSettings;
import java.util.Objects;

/**
 * How a standalone group-worker reaches the broker, and the component settings it runs with.
 *
 * @param groups       the component settings; {@code mongoUri} is always set
 * @param brokerHost   the broker's host
 * @param brokerPort   the broker's MQTT port
 * @param serviceToken the worker's service token
 * @param instance     this instance's name, unique among the group-workers
 * @param feeds        the lanes of group traffic and admin requests this instance owns, and its stall limit
 */
public record WorkerSettings(GroupSettings groups, String brokerHost, int brokerPort, String serviceToken,
                             String instance, FeedSettings feeds) {

    public WorkerSettings {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(brokerHost, "brokerHost");
        Objects.requireNonNull(serviceToken, "serviceToken");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(feeds, "feeds");
    }

    @Override
    public String toString() {
        return "WorkerSettings[groups=" + groups + ", broker=" + brokerHost + ":" + brokerPort + ", instance="
                + instance + ", feeds=" + feeds + "]";
    }
}
