package io.mqchat.extension.cluster;

import io.mqchat.cluster.ClusterRegistry;
import io.mqchat.cluster.NodeInfo;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * This broker as one node of several (docs/CLUSTER.md): the shared registry, how the node is reached, and which of
 * its listeners the load balancer feeds.
 *
 * @param registry          the live nodes and users' homes
 * @param self              this node's id and its direct addresses, which redirects name
 * @param balancedListeners names of the listeners only the load balancer connects to: a device arriving there is
 *                          where the balancer wants its user, so this node takes the user over; elsewhere a device
 *                          of a user homed on another live node is redirected there
 * @param heartbeatInterval how often the node renews its heartbeat
 * @param heartbeatTtl      how long a heartbeat keeps the node alive without renewal
 * @param fenceInterval     how often the node checks that the connected users it serves are still its own, besides
 *                          acting on each announced move
 */
public record ClusterMembership(ClusterRegistry registry, NodeInfo self, Set<String> balancedListeners,
                                Duration heartbeatInterval, Duration heartbeatTtl, Duration fenceInterval) {

    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_HEARTBEAT_TTL = Duration.ofSeconds(5);
    /** The fence acts on announced moves at once; the interval is only the backstop for a missed announcement. */
    public static final Duration DEFAULT_FENCE_INTERVAL = Duration.ofSeconds(30);

    public ClusterMembership {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(self, "self");
        balancedListeners = Set.copyOf(balancedListeners);
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(heartbeatTtl, "heartbeatTtl");
        Objects.requireNonNull(fenceInterval, "fenceInterval");
        if (heartbeatTtl.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("a heartbeat must outlive two renewals: ttl " + heartbeatTtl
                    + ", interval " + heartbeatInterval);
        }
    }

    /** With the default timings: a heartbeat every second that lives 5 s, a full fence check every 30 s. */
    public static ClusterMembership of(ClusterRegistry registry, NodeInfo self, Set<String> balancedListeners) {
        return new ClusterMembership(registry, self, balancedListeners, DEFAULT_HEARTBEAT_INTERVAL,
                DEFAULT_HEARTBEAT_TTL, DEFAULT_FENCE_INTERVAL);
    }
}
