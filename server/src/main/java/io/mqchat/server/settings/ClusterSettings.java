package io.mqchat.server.settings;

import io.mqchat.cluster.NodeInfo;
import io.mqchat.presence.settings.RedisAddress;
import java.util.Objects;

/**
 * This server as one node of several (docs/CLUSTER.md).
 *
 * @param self     the node's id and the addresses devices reach it at directly (redirects name them)
 * @param registry the Redis all nodes share for the registry of live nodes and users' homes
 */
public record ClusterSettings(NodeInfo self, RedisAddress registry) {

    public ClusterSettings {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(registry, "registry");
    }
}
