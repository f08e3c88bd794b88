package io.mqchat.presence.push;

import io.mqchat.presence.notify.DeliveryAttempts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom the presence-worker sends to Firebase Cloud Messaging (HTTP v1).
 *
 * @param credentials  the Firebase project's service-account key file (JSON): its project and the key that signs
 *                     the OAuth token requests
 * @param endpoint     FCM's base URL: {@link #FCM} in production, a stand-in in tests
 * @param attempts     tries per device on 429, 5xx and network errors, at least 1
 * @param firstBackoff wait before the second try (doubling, at most {@link DeliveryAttempts#MAX_PAUSE}) unless FCM says
 *                     how long (Retry-After)
 * @param timeout      for one request
 */
public record FcmSettings(Path credentials, URI endpoint, int attempts, Duration firstBackoff, Duration timeout) {

    public static final URI FCM = URI.create("https://fcm.googleapis.com");

    public FcmSettings {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(endpoint, "endpoint");
        if (attempts < 1) {
            throw new IllegalArgumentException("FCM attempts must be at least 1: " + attempts);
        }
    }

    /** FCM itself, with the webhook's defaults for tries: 5, 500 ms doubling, 5 s per request. */
    public static FcmSettings of(Path credentials, URI endpoint) {
        return new FcmSettings(credentials, endpoint, 5, Duration.ofMillis(500), Duration.ofSeconds(5));
    }
}
