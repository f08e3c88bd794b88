package io.mqchat.client.internal;

import io.mqchat.protocol.UserSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * This user's privacy settings as the archive last said: whether it shares read receipts (on by default, until it
 * answered: its markers then tell the others, and it sees theirs), and whom it blocked. The archive's answer to a
 * settings request reaches every device of the user, so a change made on one device reaches the others. Thread-safe.
 */
public final class MySettings {

    private volatile boolean shared = true;
    private volatile List<String> blocked = List.of();
    private final CompletableFuture<Void> known = new CompletableFuture<>();

    /** Takes what the archive says the user's settings are. */
    public void learn(UserSettings settings) {
        shared = settings.sendsReadReceipts();
        blocked = settings.blocked();
        known.complete(null);
    }

    /**
     * Whether to share a read marker: as soon as the archive has answered once since this client started, or after
     * {@code wait} without an answer (no archive): a marker must not go out shared just because the answer to the
     * first connect's question is still on its way.
     */
    public CompletableFuture<Boolean> sharedOnceKnown(Duration wait) {
        return known.copy().completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS).thenApply(done -> shared);
    }

    /** Whom this user blocked (none until the archive answered). */
    public List<String> blocked() {
        return blocked;
    }

    /** True while this user shares read receipts (and so sees the others'). */
    public boolean shared() {
        return shared;
    }
}
