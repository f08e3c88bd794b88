package io.mqchat.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The cluster's shared facts: which nodes are alive (each announces itself with a heartbeat that expires) and which
 * node is each user's home. Every call may block on the store; none runs on a broker thread.
 * {@link ClusterRegistryUnavailableException} reports a store that cannot be reached.
 */
public interface ClusterRegistry extends AutoCloseable {

    /** Announces {@code node} as alive for {@code ttl}; call again well within it to stay alive. */
    void announce(NodeInfo node, Duration ttl);

    /** Withdraws {@code nodeId} at once (an orderly stop), so that its users can be claimed without waiting. */
    void withdraw(String nodeId);

    /** The node with this id, when its heartbeat has not expired. */
    Optional<NodeInfo> liveNode(String nodeId);

    /** The live nodes by id. */
    Map<String, NodeInfo> liveNodes();

    /** The user's home, if it has one (its node may be dead). */
    Optional<Home> home(String user);

    /** The homes of {@code users} that have one, by user. */
    Map<String, Home> homes(Collection<String> users);

    /**
     * Makes {@code nodeId} the user's home when the user has none, when its home node is dead, when it already is
     * the home, or when {@code takeOver} is set; otherwise reports where the user lives. A change of home raises the
     * epoch. Two nodes claiming at once: exactly one wins, the other is told where the user lives (or wins next).
     */
    Claim claim(String user, String nodeId, boolean takeOver);

    /**
     * Calls {@code listener} with every move (a claim that took a user from another node) as it happens, on a thread
     * of the registry's, until the returned handle is closed. Best effort: a move made while the registry was
     * unreachable is not reported, so whoever relies on moves also looks up homes now and then.
     */
    AutoCloseable watchMoves(Consumer<Move> listener);

    /**
     * A user claimed by another node than its previous home.
     *
     * @param user the user
     * @param home its new home
     */
    record Move(String user, Home home) {
    }

    @Override
    void close();
}
