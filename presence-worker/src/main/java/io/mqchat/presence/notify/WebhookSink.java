package io.mqchat.presence.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each notification as a small JSON object to a push gateway:
 * {@code {"recipient","sender","conversation","group"?,"messageId","ts","body"?,"mention"?,"unread"?}} (the body
 * only when the server was configured to pass it on; {@code mention} when the message mentions the recipient;
 * {@code unread}, the recipient's unread count, when the archive gave it),
 * signed by {@link WebhookSigner} when a secret is set (each try anew, so its time is fresh). Network errors, 408, 429
 * and 5xx are tried again with doubling pauses ({@link DeliveryAttempts}, waiting what a Retry-After asks) up to
 * {@code attempts} tries; any other answer, or the last failure, gives up with one log
 * line. Does not wait for the gateway: a slow or failing one holds up no other notification; with
 * {@link #MAX_IN_FLIGHT} calls under way, another is given up on at once rather than pile up without bound.
 */
public final class WebhookSink implements NotificationSink {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);

    /** Calls under way at most; one more is given up on at once. */
    static final int MAX_IN_FLIGHT = 1024;

    private final ObjectMapper json = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private final HttpClient http;
    private final WebhookSettings settings;
    private final Clock clock;
    private final DeliveryAttempts attempts;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    /** {@code clock} gives the signature's time. */
    public WebhookSink(HttpClient http, WebhookSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
        this.attempts = new DeliveryAttempts(settings.attempts(), settings.firstBackoff());
    }

    @Override
    public CompletableFuture<Boolean> send(Notification notification) {
        byte[] body = body(notification);
        if (!inFlight.tryAcquire()) {
            // Never waits: the calling thread also serves the push services.
            LOG.warn("webhook gave up on the notification of {} about message {}: {} calls under way already",
                    notification.recipient(), notification.messageId(), MAX_IN_FLIGHT);
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<DeliveryAttempts.Answer> called;
        try {
            called = attempts.run(() -> call(body));
        } catch (RuntimeException e) {
            called = CompletableFuture.failedFuture(e);
        }
        return called.handle((answer, failure) -> {
            inFlight.release();
            if (failure == null && answer.outcome() == DeliveryAttempts.Outcome.SENT) {
                return true;
            }
            LOG.warn("webhook gave up on the notification of {} about message {} ({} attempts at most): {}",
                    notification.recipient(), notification.messageId(), settings.attempts(),
                    failure != null ? failure.toString() : answer.detail());
            return false;
        });
    }

    /** Lets the calls under way finish (at most {@link DeliveryAttempts#MAX_PAUSE} and a bit). */
    @Override
    public void close() {
        try {
            if (inFlight.tryAcquire(MAX_IN_FLIGHT, DeliveryAttempts.MAX_PAUSE.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                inFlight.release(MAX_IN_FLIGHT);
            } else {
                LOG.warn("closing with webhook calls still under way: their notifications are not sent");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One call, answered when the gateway answered or the call failed. */
    private CompletableFuture<DeliveryAttempts.Answer> call(byte[] body) {
        return http.sendAsync(request(body), HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure != null) {
                return DeliveryAttempts.Answer.retry(DeliveryAttempts.causeOf(failure).toString(), Optional.empty());
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return DeliveryAttempts.Answer.sent();
            }
            return retryable(status)
                    ? DeliveryAttempts.Answer.retry("HTTP " + status, DeliveryAttempts.retryAfter(response))
                    : DeliveryAttempts.Answer.refused("HTTP " + status);
        });
    }

    private HttpRequest request(byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        settings.signer().ifPresent(signer ->
                request.header(WebhookSigner.HEADER, signer.sign(clock.instant().getEpochSecond(), body)));
        return request.build();
    }

    private byte[] body(Notification n) {
        try {
            return json.writeValueAsBytes(new Body(n.recipient(), n.sender(), n.conversation(), n.group(),
                    n.messageId(), n.ts(), n.body(), n.mention() ? Boolean.TRUE : null, n.unread()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /**
     * Where and how persistently to call the webhook.
     *
     * @param url          the push gateway's endpoint
     * @param attempts     tries per notification, at least 1
     * @param firstBackoff wait before the second try; it doubles per try up to 10 s (or what a Retry-After asks)
     * @param timeout      for one request
     * @param signer       signs each request; empty sends them unsigned
     */
    public record WebhookSettings(URI url, int attempts, Duration firstBackoff, Duration timeout,
                                  Optional<WebhookSigner> signer) {

        public WebhookSettings {
            if (attempts < 1) {
                throw new IllegalArgumentException("webhook attempts must be at least 1: " + attempts);
            }
            Objects.requireNonNull(signer, "signer");
        }

        /** Unsigned requests. */
        public WebhookSettings(URI url, int attempts, Duration firstBackoff, Duration timeout) {
            this(url, attempts, firstBackoff, timeout, Optional.empty());
        }
    }

    /** The JSON the webhook receives; null fields are left out. */
    private record Body(String recipient, String sender, String conversation, String group, String messageId, long ts,
                        String body, Boolean mention, Integer unread) {
    }
}
