package io.mqchat.terminal.commands;

import io.mqchat.client.RefusedException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for the server's answer to a command, and turns a failure into words. */
final class Answers {

    private Answers() {
    }

    static <T> T await(CompletableFuture<T> answer, Duration timeout) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted");
        } catch (TimeoutException e) {
            throw new CommandException("no answer from the server within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new CommandException(reason(e.getCause()));
        }
    }

    /** Why a request failed, in a line: the server's code and detail for a refusal. */
    static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RefusedException refused) {
            return "refused: " + refused.wireCode() + ": " + refused.detail();
        }
        if (cause instanceof TimeoutException) {
            return "no answer from the server";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
