package io.mqchat.client.internal;

import io.mqchat.client.media.ImageRef;
import io.mqchat.client.media.MediaIntegrityException;
import io.mqchat.client.media.MediaNotFoundException;
import io.mqchat.client.media.MediaRejectedException;
import io.mqchat.client.media.MediaUnavailableException;
import io.mqchat.client.media.UploadProgress;
import io.mqchat.protocol.MediaRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The server's HTTP media endpoint, as this device uses it: {@code POST /media} and {@code GET /media/{id}} with
 * the user's token as a Bearer token. A failure that may pass (a network error, a timeout, 502/503/504) is tried
 * again with doubling backoff a bounded number of times; uploads may be, because the endpoint stores the same bytes
 * once and answers a repeated upload with the same reference. Refusals (4xx) are final.
 */
public final class MediaEndpoint {

    /** Answers a load balancer or the endpoint gives while it cannot serve for now. */
    private static final int BAD_GATEWAY = 502;
    private static final int UNAVAILABLE = 503;
    private static final int GATEWAY_TIMEOUT = 504;
    private static final Duration LONGEST_CONNECT = Duration.ofSeconds(10);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

    /**
     * How persistently failures that may pass are retried.
     *
     * @param retries        attempts after the first
     * @param initialBackoff the wait before the first retry; it doubles for each further one
     */
    public record Retries(int retries, Duration initialBackoff) {
        public Retries {
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            if (retries < 0 || initialBackoff.isNegative()) {
                throw new IllegalArgumentException("retries and backoff must not be negative");
            }
        }

        long backoffMillis(int retry) {
            long millis = initialBackoff.toMillis() << Math.min(retry - 1, 20);
            return Math.min(millis, LONGEST_BACKOFF.toMillis());
        }
    }

    private final URI base;
    private final TokenSource tokens;
    private final Retries retries;
    private final Duration timeout;
    private HttpClient http;

    /**
     * @param base    where the endpoint's {@code media} path lies, e.g. {@code http://chat.example.com:8090/}
     * @param tokens  the user's tokens
     * @param retries how failures that may pass are retried
     * @param timeout how long one attempt may wait for an answer
     */
    public MediaEndpoint(URI base, TokenSource tokens, Retries retries, Duration timeout) {
        this.base = withTrailingSlash(Objects.requireNonNull(base, "base"));
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Where the endpoint's {@code media} path lies. */
    public URI base() {
        return base;
    }

    /**
     * Uploads an image; completes with the endpoint's reference to it. Fails with {@link MediaRejectedException}
     * when refused, {@link MediaUnavailableException} when the endpoint stayed unreachable, or the I/O error of
     * reading {@code source} (as an {@link UncheckedIOException}).
     */
    public CompletableFuture<MediaRef> upload(ImageSource source, UploadProgress progress) {
        return withRetries(() -> tokens.text().thenCompose(token -> {
            HttpRequest request;
            try {
                request = authorized(HttpRequest.newBuilder(base.resolve("media")), token)
                        .header("Content-Type", "application/octet-stream")
                        .POST(source.open(progress))
                        .build();
            } catch (IOException e) {
                // The app's file, not the network: trying again will not help.
                return CompletableFuture.failedFuture(new UncheckedIOException(e));
            }
            return client().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(MediaEndpoint::uploaded);
        }), failure -> false, "upload");
    }

    /**
     * Downloads an image and checks it against its reference. A "not found" is asked again (within the retries)
     * while {@code mayBeRecording} says the server may not know yet that the image was shared with this user.
     */
    public CompletableFuture<byte[]> download(ImageRef image, Predicate<String> mayBeRecording) {
        URI uri = base.resolve("media/" + image.id());
        return withRetries(() -> tokens.text().thenCompose(token -> {
            HttpRequest request = authorized(HttpRequest.newBuilder(uri), token).GET().build();
            return client().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(response -> downloaded(image, response));
        }), failure -> failure instanceof MediaNotFoundException && mayBeRecording.test(image.id()), "download");
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return request.timeout(timeout).header("Authorization", "Bearer " + token);
    }

    private static MediaRef uploaded(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            MediaRef media = MediaRefs.fromUploadAnswer(response.body());
            if (media == null) {
                throw new MediaUnavailableException("the media endpoint answered " + status
                        + " without a well-formed image reference", status, null);
            }
            return media;
        }
        throw failure(status, response.body(), null);
    }

    private static byte[] downloaded(ImageRef image, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 200) {
            String actual = sha256(response.body());
            if (!actual.equals(image.sha256())) {
                throw new MediaIntegrityException(image.id(), image.sha256(), actual);
            }
            return response.body();
        }
        throw failure(status, response.body(), image.id());
    }

    /** What an answer other than success means; {@code mediaId} is the image downloaded, null for an upload. */
    private static RuntimeException failure(int status, byte[] body, String mediaId) {
        MediaRefs.ErrorAnswer error = MediaRefs.errorOf(status, body);
        if (status == 404 && mediaId != null) {
            return new MediaNotFoundException(mediaId, error.message());
        }
        if (status >= 400 && status < 500) {
            return new MediaRejectedException(status, error.code(), error.message());
        }
        if (status == BAD_GATEWAY || status == UNAVAILABLE || status == GATEWAY_TIMEOUT) {
            return new Busy(status, error);
        }
        return new MediaUnavailableException("the media endpoint answered " + status + " " + error.code() + ": "
                + error.message(), status, null);
    }

    /**
     * Runs {@code attempt} until it succeeds, fails for good, or the retries are used up. Network errors and
     * {@link Busy} answers are retried, and failures {@code alsoRetry} accepts.
     */
    private <T> CompletableFuture<T> withRetries(Supplier<CompletableFuture<T>> attempt, Predicate<Throwable> alsoRetry,
                                                 String what) {
        CompletableFuture<T> result = new CompletableFuture<>();
        run(1, attempt, alsoRetry, what, result);
        return result;
    }

    private <T> void run(int number, Supplier<CompletableFuture<T>> attempt, Predicate<Throwable> alsoRetry,
                         String what, CompletableFuture<T> result) {
        CompletableFuture<T> running;
        try {
            running = attempt.get();
        } catch (RuntimeException e) {
            running = CompletableFuture.failedFuture(e);
        }
        running.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
                return;
            }
            Throwable cause = Completions.cause(failure);
            boolean retryable = cause instanceof IOException || cause instanceof Busy || alsoRetry.test(cause);
            if (retryable && number <= retries.retries()) {
                CompletableFuture.delayedExecutor(retries.backoffMillis(number), TimeUnit.MILLISECONDS)
                        .execute(() -> run(number + 1, attempt, alsoRetry, what, result));
            } else {
                result.completeExceptionally(finalFailure(cause, number, what));
            }
        });
    }

    private static Throwable finalFailure(Throwable cause, int attempts, String what) {
        String tries = attempts == 1 ? "" : " (" + attempts + " attempts)";
        if (cause instanceof Busy busy) {
            return new MediaUnavailableException("media " + what + " failed" + tries + ": the endpoint answered "
                    + busy.status + " " + busy.error.code() + ": " + busy.error.message(), busy.status, null);
        }
        if (cause instanceof IOException) {
            return new MediaUnavailableException("media " + what + " failed" + tries + ": " + cause, 0, cause);
        }
        return cause;
    }

    private synchronized HttpClient client() {
        if (http == null) {
            // Created on first use: it runs a selector thread, which a client that never shares images does without.
            // Redirects are not followed: they would carry the token elsewhere.
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout.compareTo(LONGEST_CONNECT) < 0 ? timeout : LONGEST_CONNECT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return http;
    }

    private static URI withTrailingSlash(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            return uri.resolve("/");
        }
        return path.endsWith("/") ? uri : URI.create(uri.toString() + "/");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** An answer that says "not now": 502, 503 or 504. */
    private static final class Busy extends RuntimeException {
        private final int status;
        private final MediaRefs.ErrorAnswer error;

        Busy(int status, MediaRefs.ErrorAnswer error) {
            super(status + " " + error.code(), null, false, false);
            this.status = status;
            this.error = error;
        }
    }
}
