package io.mqchat.presence.push;

import io.mqchat.presence.notify.DeliveryAttempts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the presence-worker reaches Apple's push service with token authentication.
 *
 * @param signingKey   the APNs auth key file (.p8) from the Apple developer account
 * @param teamId       the developer account's team id (10 characters)
 * @param keyId        the auth key's id (10 characters)
 * @param standIn      a stand-in's {@code host:port} for both environments instead of Apple's servers (tests)
 * @param trust        the PEM certificate a stand-in presents, to trust instead of the system's roots; with
 *                     {@code standIn} only
 * @param attempts     tries per device on 429, 5xx and connection failures, at least 1
 * @param firstBackoff wait before the second try, doubling up to {@link DeliveryAttempts#MAX_PAUSE}
 * @param timeout      for one push's answer
 */
public record ApnsSettings(Path signingKey, String teamId, String keyId, Optional<String> standIn,
                           Optional<Path> trust, int attempts, Duration firstBackoff, Duration timeout) {

    public ApnsSettings {
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(keyId, "keyId");
        if (attempts < 1) {
            throw new IllegalArgumentException("APNs attempts must be at least 1: " + attempts);
        }
    }

    /** Apple's servers, 5 tries from 500 ms, 10 s per answer. */
    public static ApnsSettings of(Path signingKey, String teamId, String keyId) {
        return new ApnsSettings(signingKey, teamId, keyId, Optional.empty(), Optional.empty(), 5,
                Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    /** These settings against a stand-in at {@code hostAndPort} that presents the certificate in {@code trust}. */
    public ApnsSettings withStandIn(String hostAndPort, Path trust) {
        return new ApnsSettings(signingKey, teamId, keyId, Optional.of(hostAndPort), Optional.of(trust), attempts,
                firstBackoff, timeout);
    }
}
