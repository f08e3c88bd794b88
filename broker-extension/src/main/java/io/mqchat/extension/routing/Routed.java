package io.mqchat.extension.routing;

import java.util.concurrent.CompletableFuture;

/**
 * How a routed publish goes on: once {@code firstStored} is stored, delivered where its rewritten topic leads, or
 * ({@code deliverHere} false) only acknowledged to its sender, as a message to a user who blocked the sender is.
 *
 * @param firstStored what the broker must have stored before the publish goes on and the sender gets its
 *                    acknowledgement (SENT): the copies the server publishes beside it (the archive's, the sender's
 *                    other devices'), so that a crash can never leave a SENT message without them
 * @param deliverHere false when the publish is to be acknowledged and dropped
 */
record Routed(CompletableFuture<Void> firstStored, boolean deliverHere) {

    /** Delivered at once: nothing to store first. */
    static final Routed NOTHING_FIRST = new Routed(CompletableFuture.completedFuture(null), true);

    /** Delivered once {@code firstStored} is stored. */
    static Routed after(CompletableFuture<Void> firstStored) {
        return new Routed(firstStored, true);
    }

    /** Acknowledged, not delivered, once {@code firstStored} is stored. */
    static Routed acknowledgedOnlyAfter(CompletableFuture<Void> firstStored) {
        return new Routed(firstStored, false);
    }
}
