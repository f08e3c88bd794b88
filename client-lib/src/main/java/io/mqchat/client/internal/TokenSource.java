package io.mqchat.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Fetches the token for each connection attempt and each media request, so that a refreshed token is used on
 * reconnect. The app's supplier may block (it may ask an identity service), so it runs on an executor, never on a
 * network thread.
 */
public final class TokenSource {

    private final Supplier<String> supplier;
    private final Executor executor;

    public TokenSource(Supplier<String> supplier, Executor executor) {
        this.supplier = Objects.requireNonNull(supplier, "token supplier");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The current token as the MQTT password: its UTF-8 bytes. */
    public CompletableFuture<byte[]> fetch() {
        return text().thenApply(token -> token.getBytes(StandardCharsets.UTF_8));
    }

    /** The current token, e.g. for an HTTP {@code Authorization: Bearer} header. */
    public CompletableFuture<String> text() {
        return CompletableFuture.supplyAsync(() -> {
            String token = supplier.get();
            if (token == null || token.isEmpty()) {
                throw new IllegalStateException("the token supplier returned no token");
            }
            return token;
        }, executor);
    }

    public Executor executor() {
        return executor;
    }
}
