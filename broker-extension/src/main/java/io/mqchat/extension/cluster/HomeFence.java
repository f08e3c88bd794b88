package io.mqchat.extension.cluster;

import io.mqchat.cluster.Home;
import io.mqchat.extension.presence.Connections;
import io.mqchat.extension.presence.LiveConnection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes this node let go of users another node has taken over: their devices here are disconnected and their
 * sessions here removed, so that a user is served by one node. Acts on each move the claiming node announces, and,
 * because an announcement can be missed, checks the connected users every fence interval and at start every user
 * with a session here (this node may have been down while its users moved).
 */
public final class HomeFence {

    private static final Logger log = LoggerFactory.getLogger(HomeFence.class);
    private static final int BATCH = 1000;
    private static final int EVICTION_WAIT_SECONDS = 5;

    private final ClusterMembership cluster;
    private final SessionEviction eviction;
    private final HomeDirectory homes;

    /** @param homes forgets each user let go of */
    public HomeFence(ClusterMembership cluster, SessionEviction eviction, HomeDirectory homes) {
        this.cluster = cluster;
        this.eviction = eviction;
        this.homes = homes;
    }

    /** Lets go of connected users who live elsewhere now. Blocks on the registry. */
    public void checkConnected(Connections connections) {
        Set<String> users = new TreeSet<>();
        for (LiveConnection connection : connections.all()) {
            users.add(connection.device().user());
        }
        letGoOfMovedUsers(users);
    }

    /** Lets go of every user among {@code users} (all with a session here) who lives elsewhere now. */
    public void letGoOfMovedUsers(Collection<String> users) {
        List<String> batch = new ArrayList<>(Math.min(BATCH, users.size()));
        for (String user : users) {
            batch.add(user);
            if (batch.size() == BATCH) {
                letGo(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            letGo(batch);
        }
    }

    private void letGo(List<String> users) {
        String self = cluster.self().id();
        for (Map.Entry<String, Home> home : cluster.registry().homes(users).entrySet()) {
            if (!home.getValue().node().equals(self)) {
                letGoOf(home.getKey(), home.getValue());
            }
        }
    }

    /**
     * Lets go of {@code user}, who lives at {@code home} now (another node), unless it has come back here meanwhile.
     * Waits a bounded time for its sessions here to go, so that a slow eviction cannot hold the fence.
     */
    public void letGoOf(String user, Home home) {
        Optional<Home> now = cluster.registry().home(user);
        if (now.isPresent() && now.get().node().equals(cluster.self().id())) {
            return; // claimed back by this node since: its sessions here are the current ones
        }
        log.info("user '{}' now lives on node {} (epoch {}); disconnecting and dropping its sessions here", user,
                home.node(), home.epoch());
        homes.forget(user);
        try {
            eviction.evict(user, home.node()).get(EVICTION_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("the sessions of '{}' were not all dropped within {} s; the next check tries again", user,
                    EVICTION_WAIT_SECONDS);
        } catch (ExecutionException e) {
            log.warn("could not drop the sessions of '{}': {}", user, e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
