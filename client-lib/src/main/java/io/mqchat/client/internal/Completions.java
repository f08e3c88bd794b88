package io.mqchat.client.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Reaches the failure a future wrapped, so that callers can tell failures apart by type. */
public final class Completions {

    private Completions() {
    }

    public static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
