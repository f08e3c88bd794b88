package io.mqchat.extension.cluster;

import com.hivemq.extension.sdk.api.services.session.ClientService;
import io.mqchat.extension.devices.KnownDevices;
import io.mqchat.extension.presence.Connections;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This broker's part in a cluster, started with the extension and stopped with it: the heartbeat, the home gate
 * for connecting devices, the directory of users' homes, the relays to the other nodes and the fence. The registry's
 * blocking calls run on threads of its own, never on the broker's.
 */
public final class NodeInCluster {

    private static final Logger log = LoggerFactory.getLogger(NodeInCluster.class);
    /** How long a relayed publish may wait for the home node; within the sender's hold of its PUBACK. */
    private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(8);
    private static final Duration REMEMBER_HOMES = Duration.ofSeconds(5);

    private final ClusterMembership membership;
    private final ScheduledExecutorService executor;
    /** The heartbeat's own thread: a storm of claims and evictions must never delay it past its expiry. */
    private final ScheduledExecutorService heartbeats;
    private final NodeHeartbeat heartbeat;
    private final SessionEviction eviction;
    private final RegistryHomeDirectory homes;
    private final NodeRelays relays;
    private final CompletableFuture<Void> devicesLoaded;
    private final KnownDevices devices;
    private volatile AutoCloseable movesWatch;

    private NodeInCluster(ClusterMembership membership, ClientService clients, KnownDevices devices,
                          CompletableFuture<Void> devicesLoaded, Supplier<String> relayToken, Clock clock) {
        this.membership = membership;
        this.devices = devices;
        this.devicesLoaded = devicesLoaded;
        this.executor = Executors.newScheduledThreadPool(2, daemon("mqchat-cluster"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("mqchat-cluster-heartbeat"));
        this.heartbeat = new NodeHeartbeat(membership, clock);
        this.homes = new RegistryHomeDirectory(membership, REMEMBER_HOMES, executor);
        this.eviction = new SessionEviction(clients, devices);
        this.relays = new NodeRelays(membership.self(), relayToken, RELAY_TIMEOUT);
    }

    /**
     * Announces this node (once, before the broker takes devices) and keeps announcing it.
     *
     * @param devicesLoaded completes when the broker's sessions are known ({@link KnownDevices#loadFrom})
     * @param relayToken    a service token for {@link NodeRelays#SERVICE}, asked before each relay connection
     */
    public static NodeInCluster join(ClusterMembership membership, ClientService clients, KnownDevices devices,
                                     CompletableFuture<Void> devicesLoaded, Supplier<String> relayToken, Clock clock) {
        NodeInCluster node = new NodeInCluster(membership, clients, devices, devicesLoaded, relayToken, clock);
        node.heartbeat.run();
        long beatMillis = membership.heartbeatInterval().toMillis();
        node.heartbeats.scheduleAtFixedRate(node.heartbeat, beatMillis, beatMillis, TimeUnit.MILLISECONDS);
        log.info("node {} joined the cluster", membership.self().id());
        return node;
    }

    /** Admits devices whose user lives here and redirects the others. */
    public HomeGate homeGate() {
        // Until the start-up scan knows this node's sessions, a moved user's old sessions could not be found.
        Executor afterScan = task -> devicesLoaded.thenRunAsync(task, executor);
        return new ClusterHomeGate(membership, eviction, homes, afterScan);
    }

    /** Where users live. */
    public HomeDirectory homes() {
        return homes;
    }

    /** Sends publishes for users homed elsewhere there. */
    public CrossNode crossNode() {
        return CrossNode.of(homes, relays);
    }

    /**
     * Starts letting go of users other nodes took over: at each announced move, now for every session here, then for
     * the connected users every fence interval.
     */
    public void startFence(Connections connections) {
        HomeFence fence = new HomeFence(membership, eviction, homes);
        String self = membership.self().id();
        movesWatch = membership.registry().watchMoves(move -> {
            if (move.home().node().equals(self)) {
                return;
            }
            // At once, on the watcher's thread: from now on this node refuses relays for the user and looks its home up.
            homes.forget(move.user());
            if (!devices.devicesOf(move.user()).isEmpty()) {
                executor.execute(() -> guard("move of a user", () -> fence.letGoOf(move.user(), move.home())));
            }
        });
        long fenceMillis = membership.fenceInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> guard("fence check", () -> fence.checkConnected(connections)),
                fenceMillis, fenceMillis, TimeUnit.MILLISECONDS);
        devicesLoaded.thenRunAsync(() -> guard("start-up fence check",
                () -> fence.letGoOfMovedUsers(devices.users())), executor);
    }

    /** True while this node's heartbeat holds. */
    public boolean isAlive() {
        return heartbeat.isAlive();
    }

    /** Stops the relays and the heartbeat, and withdraws the node so that its users can be claimed at once. */
    public void leave() {
        if (movesWatch != null) {
            try {
                movesWatch.close();
            } catch (Exception e) {
                log.debug("stopping the watch of moves: {}", e.toString());
            }
        }
        heartbeats.shutdownNow();
        executor.shutdownNow();
        relays.close();
        heartbeat.withdraw();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void guard(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("cluster {} failed; trying again at the next one: {}", what, e.toString());
        }
    }
}
