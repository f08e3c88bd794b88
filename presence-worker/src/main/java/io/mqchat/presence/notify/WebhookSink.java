package io.mqchat.presence.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each notification as a small JSON object to a push gateway:
 * {@code {"recipient","sender","conversation","group"?,"messageId","ts","body"?}} (the body only when the server
 * was configured to pass it on), signed by {@link WebhookSigner} when a secret is set (each try anew, so its time
 * is fresh). Network errors, 408, 429 and 5xx are retried with exponential backoff up to {@code attempts} tries;
 * any other answer, or the last failure, gives up with one log line.
 */
public final class WebhookSink implements NotificationSink {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final ObjectMapper json = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private final HttpClient http;
    private final WebhookSettings settings;
    private final Clock clock;

    /** {@code clock} gives the signature's time. */
    public WebhookSink(HttpClient http, WebhookSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public boolean send(Notification notification) {
        byte[] body = body(notification);
        Duration backoff = settings.firstBackoff();
        String failure = "";
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            if (attempt > 1 && !sleep(backoff)) {
                failure = "interrupted";
                break;
            }
            if (attempt > 1) {
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            }
            try {
                int status = http.send(request(body), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return true;
                }
                failure = "HTTP " + status;
                if (!retryable(status)) {
                    break;
                }
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
                break;
            }
        }
        LOG.warn("webhook gave up on the notification of {} about message {} ({} attempts at most): {}",
                notification.recipient(), notification.messageId(), settings.attempts(), failure);
        return false;
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
                    n.messageId(), n.ts(), n.body()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Where and how persistently to call the webhook.
     *
     * @param url          the push gateway's endpoint
     * @param attempts     tries per notification, at least 1
     * @param firstBackoff wait before the second try; it doubles per try up to 10 s
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
                        String body) {
    }
}
