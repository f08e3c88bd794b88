package io.mqchat.presence.notify;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Tries a notification (a push to one device, a webhook call) up to a number of times: again after a failure that may
 * pass (throttled, the service unavailable, the network), waiting what the service asked or a doubling pause, never
 * longer than {@link #MAX_PAUSE}. Blocks no thread: the next try starts on a timer.
 */
public final class DeliveryAttempts {

    /** The longest wait between tries, a service's Retry-After included. */
    public static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    /** What became of a notification. */
    public enum Outcome {
        /** The service took it. */
        SENT,
        /** The service says the token no longer reaches an app install: forget it. */
        UNREGISTERED,
        /** Given up on: refused for another reason, or kept failing. */
        FAILED
    }

    /**
     * One try's answer.
     *
     * @param outcome what it came to; {@link Outcome#FAILED} with {@code again} set means: try again
     * @param detail  what the service answered, for a log line (never a token)
     * @param again   whether another try may go through
     * @param asked   how long the service asked to wait before another try, if it said
     */
    public record Answer(Outcome outcome, String detail, boolean again, Optional<Duration> asked) {

        public static Answer sent() {
            return new Answer(Outcome.SENT, "", false, Optional.empty());
        }

        public static Answer unregistered(String detail) {
            return new Answer(Outcome.UNREGISTERED, detail, false, Optional.empty());
        }

        public static Answer refused(String detail) {
            return new Answer(Outcome.FAILED, detail, false, Optional.empty());
        }

        public static Answer retry(String detail, Optional<Duration> wait) {
            return new Answer(Outcome.FAILED, detail, true, wait);
        }
    }

    /** One try, answered when the service answered. */
    @FunctionalInterface
    public interface Attempt {
        CompletableFuture<Answer> run();
    }

    private final int attempts;
    private final Duration firstPause;

    public DeliveryAttempts(int attempts, Duration firstPause) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        this.attempts = attempts;
        this.firstPause = firstPause;
    }

    /** Runs {@code attempt} until it is not to be repeated or the tries are used up; completes with the last answer. */
    public CompletableFuture<Answer> run(Attempt attempt) {
        return next(attempt, 1, firstPause);
    }

    private CompletableFuture<Answer> next(Attempt attempt, int done, Duration pause) {
        return attempt.run().thenCompose(answer -> {
            if (!answer.again() || done >= attempts) {
                return CompletableFuture.completedFuture(answer);
            }
            Executor later = CompletableFuture.delayedExecutor(min(answer.asked().orElse(pause), MAX_PAUSE).toMillis(),
                    TimeUnit.MILLISECONDS);
            return CompletableFuture.supplyAsync(() -> done + 1, later)
                    .thenCompose(tries -> next(attempt, tries, min(pause.multipliedBy(2), MAX_PAUSE)));
        });
    }

    /** What made a try fail: the cause a future wrapped it in, else the failure itself. */
    public static Throwable causeOf(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** What an HTTP answer's Retry-After asks in seconds; empty when it names a date or is missing. */
    public static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: the doubling pause instead
            }
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
