package io.mqchat.extension.cluster;

import io.mqchat.cluster.NodeInfo;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Where a user is served (here, or on which other live node), and which other nodes are alive. */
public interface HomeDirectory {

    /**
     * The other live node that is {@code user}'s home; empty when the user is served here, or nowhere (no home, or a
     * dead one: then whatever is published here reaches the archive, and the user's next connection catches up).
     * Completes at once when the answer is known here.
     */
    CompletableFuture<Optional<NodeInfo>> remoteHome(String user);

    /** The other live nodes. */
    CompletableFuture<Collection<NodeInfo>> otherNodes();

    /** Records that this node is {@code user}'s home now (it claimed the user). */
    void servedHere(String user);

    /** Forgets what is known of {@code user}'s home: it moved, or its node refused a message for it. */
    void forget(String user);

    /** One node: every user is served here. */
    static HomeDirectory singleNode() {
        CompletableFuture<Optional<NodeInfo>> here = CompletableFuture.completedFuture(Optional.empty());
        CompletableFuture<Collection<NodeInfo>> alone = CompletableFuture.completedFuture(List.of());
        return new HomeDirectory() {
            @Override
            public CompletableFuture<Optional<NodeInfo>> remoteHome(String user) {
                return here;
            }

            @Override
            public CompletableFuture<Collection<NodeInfo>> otherNodes() {
                return alone;
            }

            @Override
            public void servedHere(String user) {
            }

            @Override
            public void forget(String user) {
            }
        };
    }
}
