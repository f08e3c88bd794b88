package io.mqchat.server.settings;

import io.mqchat.cluster.NodeInfo;
import io.mqchat.extension.config.InternalServiceKey;
import io.mqchat.presence.settings.RedisAddress;
import java.util.Objects;

/**
 * This server as one node of several (docs/CLUSTER.md).
 *
 * @param self     the node's id and the addresses devices reach it at directly (redirects name them)
 * @param registry the Redis all nodes share for the registry of live nodes and users' homes
 * @param serviceKey the key all nodes share for service tokens (relays between nodes, workers)
 */
public record ClusterSettings(NodeInfo self, RedisAddress registry, InternalServiceKey serviceKey) {

    public ClusterSettings {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(serviceKey, "serviceKey");
    }
}
