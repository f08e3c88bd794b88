package io.mqchat.extension.cluster;

import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import com.hivemq.extension.sdk.api.services.publish.Publish;
import io.mqchat.cluster.NodeInfo;
import io.mqchat.protocol.Topics;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what is meant for a user homed on another node to that node: the extension's own publishes (receipts,
 * copies, signals) and devices' routed publishes (chat messages, read markers). One node alone delivers everything
 * here, at no cost.
 */
public final class CrossNode {

    private static final Logger log = LoggerFactory.getLogger(CrossNode.class);

    private static final CompletableFuture<Boolean> HERE = CompletableFuture.completedFuture(false);
    private static final CompletableFuture<Boolean> STORED_ELSEWHERE = CompletableFuture.completedFuture(true);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** Retries of the extension's own QoS 1 publishes: 1 + 2 + 4 + 8 + 16 s of pauses. */
    private static final int RETRIES = 5;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final HomeDirectory homes;
    private final NodeRelays relays;

    private CrossNode(HomeDirectory homes, NodeRelays relays) {
        this.homes = homes;
        this.relays = relays;
    }

    /** For one node alone. */
    public static CrossNode singleNode() {
        return new CrossNode(HomeDirectory.singleNode(), null);
    }

    /** For a node of several. */
    public static CrossNode of(HomeDirectory homes, NodeRelays relays) {
        return new CrossNode(homes, relays);
    }

    /**
     * Delivers {@code publish} on its user's home node, or with {@code here} when that is this node. A QoS 1 publish
     * that cannot reach the home is tried again for about half a minute (the home may be moving after a node died).
     */
    public CompletableFuture<Void> deliver(Publish publish, Supplier<CompletableFuture<Void>> here) {
        if (relays == null) {
            return here.get();
        }
        Optional<String> user = Topics.userTreeOwner(publish.getTopic());
        if (user.isEmpty()) {
            return here.get();
        }
        RelayPublish copy = RelayPublish.of(publish);
        return deliver(user.get(), copy, here, 0);
    }

    /**
     * One attempt, and for what must not be lost (QoS 1: a receipt, a copy) more after a growing pause while the
     * user's home cannot be reached, about half a minute in all; signals (QoS 0) are worth nothing late.
     */
    private CompletableFuture<Void> deliver(String user, RelayPublish copy, Supplier<CompletableFuture<Void>> here,
                                            int attempt) {
        CompletableFuture<Void> delivered = homes.remoteHome(user).thenCompose(remote -> remote.isEmpty() ? here.get()
                : forward(user, remote.get(), copy).thenCompose(stored -> stored ? DONE : here.get()));
        if (!copy.atLeastOnce() || attempt >= RETRIES) {
            return delivered;
        }
        long pause = RETRY_PAUSE.toMillis() << attempt;
        return delivered.exceptionallyCompose(failure -> CompletableFuture.supplyAsync(() -> null,
                        CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS))
                .thenCompose(paused -> deliver(user, copy, here, attempt + 1)));
    }

    /**
     * Forwards a routed publish to its user's home node when that is another node, once {@code before} (the copies
     * this node stores itself) has completed, so that no other node holds a message this node then refuses. Completes
     * with true once the home node stored it (this node must then not deliver it), with false when it is delivered
     * here; fails when {@code before} or the forward failed.
     */
    public CompletableFuture<Boolean> forwardIfRemote(PublishPacket routed, CompletableFuture<Void> before) {
        Optional<String> user = relays == null ? Optional.empty() : Topics.userTreeOwner(routed.getTopic());
        CompletableFuture<Optional<NodeInfo>> home = user.map(homes::remoteHome).orElse(null);
        if (home == null || home.isDone() && !home.isCompletedExceptionally() && home.join().isEmpty()) {
            return before.isDone() && !before.isCompletedExceptionally() ? HERE : before.thenApply(stored -> false);
        }
        // Read now: the packet may not be touched once the interceptor has let it go.
        RelayPublish copy = RelayPublish.of(routed);
        return before.thenCompose(stored -> home).thenCompose(remote -> remote.isEmpty() ? HERE
                : forward(user.get(), remote.get(), copy));
    }

    /** {@link #forwardIfRemote(PublishPacket, CompletableFuture)} with nothing to wait for. */
    public CompletableFuture<Boolean> forwardIfRemote(PublishPacket routed) {
        return forwardIfRemote(routed, DONE);
    }

    /**
     * Sends a copy of {@code published} (a user's retained presence) to every other live node, so that contacts on
     * any node read it. Best effort: a node that misses it has the user's previous presence until the next one.
     */
    public void broadcast(PublishPacket published) {
        if (relays == null) {
            return;
        }
        RelayPublish copy = RelayPublish.of(published);
        homes.otherNodes().thenAccept(nodes -> nodes.forEach(node -> relays.forward(node, copy)
                .whenComplete((stored, failure) -> {
                    if (failure != null) {
                        log.info("{} did not reach node {}: {}", copy.topic(), node.id(), cause(failure).toString());
                    }
                })));
    }

    /**
     * Forwards to the home this node knew of; when that fails, looks the home up again once (the user may have moved,
     * or its node died and the user has no live home now) and forwards there, or to the same node once more. Completes with true once another node
     * stored it, false when it belongs here after all; fails when neither worked.
     */
    private CompletableFuture<Boolean> forward(String user, NodeInfo node, RelayPublish publish) {
        return relays.forward(node, publish).handle((stored, failure) -> failure)
                .thenCompose(failure -> {
                    if (failure == null) {
                        return STORED_ELSEWHERE;
                    }
                    log.info("{} did not reach node {} ({}); looking the user's home up again", publish.topic(),
                            node.id(), cause(failure).toString());
                    homes.forget(user);
                    return homes.remoteHome(user).thenCompose(now -> {
                        if (now.isEmpty()) {
                            return HERE;
                        }
                        // The same node again: its relay connection may just have been renewed (a token's end).
                        return relays.forward(now.get(), publish).thenApply(stored -> true);
                    });
                });
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
