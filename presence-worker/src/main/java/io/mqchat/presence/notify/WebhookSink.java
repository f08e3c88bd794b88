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
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each notification as a small JSON object to a push gateway:
 * {@code {"recipient","sender","conversation","group"?,"messageId","ts","body"?}} (the body only when the server
 * was configured to pass it on). Network errors, 408, 429 and 5xx are retried with exponential backoff up to
 * {@code attempts} tries; any other answer, or the last failure, gives up with one log line.
 */
public final class WebhookSink implements NotificationSink {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final ObjectMapper json = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private final HttpClient http;
    private final WebhookSettings settings;

    public WebhookSink(HttpClient http, WebhookSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public boolean send(Notification notification) {
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(notification)))
                .build();
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
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
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
     */
    public record WebhookSettings(URI url, int attempts, Duration firstBackoff, Duration timeout) {

        public WebhookSettings {
            if (attempts < 1) {
                throw new IllegalArgumentException("webhook attempts must be at least 1: " + attempts);
            }
        }
    }

    /** The JSON the webhook receives; null fields are left out. */
    private record Body(String recipient, String sender, String conversation, String group, String messageId, long ts,
                        String body) {
    }
}
