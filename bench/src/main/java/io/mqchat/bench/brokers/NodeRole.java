package io.mqchat.bench.brokers;

import java.util.Objects;

/**
 * How an mqchat broker under test joins a cluster (docs/CLUSTER.md): its node id, the registry's Redis, and the
 * secret the nodes' relays sign their service tokens with. The two secrets reach the broker's process through its
 * environment, never its command line, and never this record's {@link #toString()}.
 *
 * @param nodeId        the node's id, e.g. {@code node-2}
 * @param redisAddress  {@code host:port} of the registry's Redis
 * @param redisPassword what the node authenticates to Redis with
 * @param clusterSecret the key every node signs and checks relay service tokens with (at least 32 bytes)
 */
public record NodeRole(String nodeId, String redisAddress, String redisPassword, String clusterSecret) {

    public NodeRole {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(redisAddress, "redisAddress");
        Objects.requireNonNull(redisPassword, "redisPassword");
        Objects.requireNonNull(clusterSecret, "clusterSecret");
    }

    @Override
    public String toString() {
        return "NodeRole[" + nodeId + ", registry " + redisAddress + "]";
    }
}
