package io.mqchat.extension.cluster;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mqchat.cluster.Home;
import io.mqchat.cluster.NodeInfo;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Users' homes as the registry has them, remembered for a few seconds so that a conversation costs no registry
 * round trip per message. Only answers that name a live home are remembered: a user without one is looked up again
 * each time, so that the moment it gets a home its messages go there. A stale answer is corrected by the node that
 * refuses a message for a user it no longer serves ({@link #forget}), and by this node's fence.
 */
public final class RegistryHomeDirectory implements HomeDirectory {

    private static final long MAX_USERS = 200_000;

    private final ClusterMembership cluster;
    private final AsyncCache<String, Answer> homes;
    private final Executor registryExecutor;
    /** One entry: the other live nodes, read again a second after they were read. */
    private final AsyncLoadingCache<String, Collection<NodeInfo>> liveNodes;
    private static final String LIVE_NODES = "live";

    /** @param registryExecutor runs the registry's blocking lookups */
    public RegistryHomeDirectory(ClusterMembership cluster, Duration remember, Executor registryExecutor) {
        this.cluster = cluster;
        this.registryExecutor = registryExecutor;
        this.homes = Caffeine.newBuilder().maximumSize(MAX_USERS).expireAfterWrite(remember)
                .executor(registryExecutor).buildAsync();
        this.liveNodes = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(1)).executor(registryExecutor)
                .buildAsync(key -> cluster.registry().liveNodes().values().stream()
                        .filter(node -> !node.id().equals(cluster.self().id())).toList());
    }

    @Override
    public CompletableFuture<Optional<NodeInfo>> remoteHome(String user) {
        // The cache holds the lookup while it runs, so a forget() meanwhile drops it instead of being undone by it.
        CompletableFuture<Answer> answer = homes.get(user, (key, executor) ->
                CompletableFuture.supplyAsync(() -> lookUp(key), registryExecutor));
        if (answer.isDone() && !answer.isCompletedExceptionally()) {
            return CompletableFuture.completedFuture(answer.join().remote());
        }
        return answer.thenApply(looked -> {
            if (!looked.remembered()) {
                homes.asMap().remove(user, answer);
            }
            return looked.remote();
        });
    }

    @Override
    public CompletableFuture<Collection<NodeInfo>> otherNodes() {
        return liveNodes.get(LIVE_NODES);
    }

    @Override
    public void servedHere(String user) {
        homes.put(user, CompletableFuture.completedFuture(new Answer(Optional.empty(), true)));
    }

    @Override
    public void forget(String user) {
        homes.synchronous().invalidate(user);
    }

    private Answer lookUp(String user) {
        Optional<Home> home = cluster.registry().home(user);
        if (home.isEmpty()) {
            return new Answer(Optional.empty(), false);
        }
        if (home.get().node().equals(cluster.self().id())) {
            return new Answer(Optional.empty(), true);
        }
        Optional<NodeInfo> node = cluster.registry().liveNode(home.get().node());
        return new Answer(node, node.isPresent());
    }

    /** A lookup's result and whether it may be remembered. */
    private record Answer(Optional<NodeInfo> remote, boolean remembered) {
    }
}
