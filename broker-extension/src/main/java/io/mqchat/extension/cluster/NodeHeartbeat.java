package io.mqchat.extension.cluster;

import io.mqchat.cluster.ClusterRegistryUnavailableException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node alive in the registry. A node whose heartbeat lapses is dead to the others, which then claim its
 * users; so readiness fails with it ({@link #isAlive()}), and the load balancer stops sending devices here.
 */
public final class NodeHeartbeat implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final ClusterMembership cluster;
    private final Clock clock;
    private volatile Instant lastAnnounced = Instant.MIN;
    private volatile boolean failing;

    public NodeHeartbeat(ClusterMembership cluster, Clock clock) {
        this.cluster = cluster;
        this.clock = clock;
    }

    /** Announces the node once; blocks on the registry. */
    @Override
    public void run() {
        try {
            cluster.registry().announce(cluster.self(), cluster.heartbeatTtl());
            lastAnnounced = clock.instant();
            if (failing) {
                failing = false;
                log.info("node {} announces itself in the cluster registry again", cluster.self().id());
            }
        } catch (ClusterRegistryUnavailableException e) {
            if (!failing) {
                failing = true;
                log.warn("node {} cannot announce itself: {}", cluster.self().id(), e.getMessage());
            }
        }
    }

    /** True while the last announcement still holds, so the other nodes see this one alive. */
    public boolean isAlive() {
        Instant last = lastAnnounced;
        return !last.equals(Instant.MIN) && clock.instant().isBefore(last.plus(cluster.heartbeatTtl()));
    }

    /** Withdraws the node at an orderly stop, so that its users can be claimed at once. */
    public void withdraw() {
        try {
            cluster.registry().withdraw(cluster.self().id());
        } catch (ClusterRegistryUnavailableException e) {
            log.warn("node {} could not withdraw from the cluster registry; it counts as alive until its heartbeat "
                    + "expires: {}", cluster.self().id(), e.getMessage());
        }
    }
}
