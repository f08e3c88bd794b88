package io.mqchat.extension.cluster;

import com.hivemq.extension.sdk.api.client.parameter.Listener;
import com.hivemq.extension.sdk.api.client.parameter.ListenerType;
import io.mqchat.cluster.Claim;
import io.mqchat.cluster.NodeInfo;
import io.mqchat.protocol.DeviceAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The home check of a node among several. The node claims the device's user in the registry: it wins when the
 * user has no live home, or when the device came through a balanced listener (the load balancer's hash decides
 * where users live). A user who moves here from another node first loses this node's old sessions
 * ({@link SessionEviction}). A device reaching this node directly while its user lives on another live node is
 * redirected there.
 */
public final class ClusterHomeGate implements HomeGate {

    private static final Logger log = LoggerFactory.getLogger(ClusterHomeGate.class);

    private final ClusterMembership cluster;
    private final SessionEviction eviction;
    private final HomeDirectory homes;
    private final Executor registryExecutor;

    /**
     * @param homes            learns of each user this node claims
     * @param registryExecutor runs the registry's blocking calls, never a broker thread
     */
    public ClusterHomeGate(ClusterMembership cluster, SessionEviction eviction, HomeDirectory homes,
                           Executor registryExecutor) {
        this.cluster = cluster;
        this.eviction = eviction;
        this.homes = homes;
        this.registryExecutor = registryExecutor;
    }

    @Override
    public CompletableFuture<Decision> admit(DeviceAddress device, Optional<Listener> listener) {
        boolean balanced = listener.map(Listener::getName).filter(cluster.balancedListeners()::contains).isPresent();
        NodeInfo self = cluster.self();
        return CompletableFuture.supplyAsync(() -> cluster.registry().claim(device.user(), self.id(), balanced),
                        registryExecutor)
                .thenCompose(claim -> {
                    if (claim instanceof Claim.HomedElsewhere elsewhere) {
                        return CompletableFuture.completedFuture(redirect(elsewhere.owner(), listener));
                    }
                    Claim.Granted granted = (Claim.Granted) claim;
                    homes.servedHere(device.user());
                    if (!granted.moved()) {
                        return CompletableFuture.completedFuture(new Decision.Serve());
                    }
                    log.info("user '{}' moved here from node {} (epoch {}); dropping its old sessions on this node",
                            device.user(), granted.previous().get(), granted.home().epoch());
                    return eviction.evict(device.user(), self.id()).thenApply(done -> new Decision.Serve());
                });
    }

    private static Decision redirect(NodeInfo owner, Optional<Listener> listener) {
        boolean websocket = listener.map(Listener::getListenerType)
                .filter(type -> type == ListenerType.WEBSOCKET_LISTENER || type == ListenerType.TLS_WEBSOCKET_LISTENER)
                .isPresent();
        String reference = websocket && !owner.websocket().isEmpty() ? owner.websocket() : owner.mqtt();
        return new Decision.Redirect(owner.id(), reference);
    }
}
