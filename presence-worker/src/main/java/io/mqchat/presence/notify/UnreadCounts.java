package io.mqchat.presence.notify;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/** How many messages a user has not read, in all conversations: the badge a push sets on the app's icon. */
@FunctionalInterface
public interface UnreadCounts {

    /** Counts nothing: pushes go without a badge. */
    UnreadCounts NONE = notification -> CompletableFuture.completedFuture(OptionalInt.empty());

    /**
     * How many messages the notification's recipient has not read, its message included; completes empty when the
     * count could not be had in time, never exceptionally.
     */
    CompletableFuture<OptionalInt> unreadOf(Notification notification);
}
