package io.mqchat.server.cluster;

import io.mqchat.cluster.RedisClusterRegistry;
import io.mqchat.extension.cluster.ClusterMembership;
import io.mqchat.extension.embedded.BrokerSettings;
import io.mqchat.server.settings.ClusterSettings;
import java.util.Optional;

/** The server's place in a cluster: the registry connection it opens and closes, and the membership it gives the broker. */
public final class ClusterNode implements AutoCloseable {

    private static final int REDIS_TIMEOUT_MILLIS = 2000;

    private final Optional<RedisClusterRegistry> registry;
    private final Optional<ClusterMembership> membership;

    private ClusterNode(Optional<ClusterSettings> settings) {
        this.registry = settings.map(cluster -> new RedisClusterRegistry(
                cluster.registry().client(REDIS_TIMEOUT_MILLIS), true));
        this.membership = settings.map(cluster -> ClusterMembership.of(registry.get(), cluster.self(),
                BrokerSettings.BALANCED_LISTENERS));
    }

    /** Connects to the registry when {@code settings} is present; nothing otherwise. */
    public static ClusterNode open(Optional<ClusterSettings> settings) {
        return new ClusterNode(settings);
    }

    /** What the broker joins the cluster with, or empty when the server runs alone. */
    public Optional<ClusterMembership> membership() {
        return membership;
    }

    @Override
    public void close() {
        registry.ifPresent(RedisClusterRegistry::close);
    }
}
