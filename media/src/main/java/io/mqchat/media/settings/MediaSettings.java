package io.mqchat.media.settings;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the media endpoint runs with.
 *
 * @param bind          the address it listens on
 * @param port          its TCP port; 0 = off
 * @param maxBytes      the largest upload accepted
 * @param maxPixels     the most pixels (width x height) an uploaded image may have
 * @param orphanTtl     how long after its last upload an unreferenced image is kept
 * @param sweepInterval how often unreferenced images are looked for
 * @param http          what clients may hold of the HTTP server
 * @param decoding      what checking one image may cost
 * @param uploadRate    how many uploads one user may start
 * @param webMqttUrl    where the web app's browsers reach the broker; empty: the page's host with the broker's
 *                      websocket port and path
 */
public record MediaSettings(String bind, int port, long maxBytes, long maxPixels, Duration orphanTtl,
                            Duration sweepInterval, HttpLimits http,
                            DecodeLimits decoding, UploadRate uploadRate, Optional<String> webMqttUrl) {

    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    /** An upload is held in memory while it is checked: 1 GiB is far past any photo. */
    public static final long MAX_MAX_BYTES = 1L << 30;
    /** A decoded image of this many pixels already needs gigabytes. */
    public static final long MAX_MAX_PIXELS = 1_000_000_000L;

    public MediaSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(orphanTtl, "orphanTtl");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(decoding, "decoding");
        Objects.requireNonNull(uploadRate, "uploadRate");
        Objects.requireNonNull(webMqttUrl, "webMqttUrl");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("media.port must be 0-65535, not " + port);
        }
        if (maxBytes < 1 || maxBytes > MAX_MAX_BYTES) {
            throw new IllegalArgumentException("media.max-bytes must be 1-" + MAX_MAX_BYTES + ", not " + maxBytes);
        }
        if (maxPixels < 1 || maxPixels > MAX_MAX_PIXELS) {
            throw new IllegalArgumentException("media.max-pixels must be 1-" + MAX_MAX_PIXELS + ", not " + maxPixels);
        }
        if (orphanTtl.isNegative() || sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("media.orphan-ttl must not be negative, media.sweep-interval positive");
        }
    }

    /**
     * The defaults: loopback port 8090, 16 MiB, 50 million pixels, orphans kept 24 h, swept every 10 min, and
     * {@link HttpLimits#DEFAULT}, {@link DecodeLimits#DEFAULT}, {@link UploadRate#DEFAULT}.
     */
    public static MediaSettings defaults() {
        return new MediaSettings("127.0.0.1", 8090, DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, Duration.ofHours(24),
                Duration.ofMinutes(10), HttpLimits.DEFAULT,
                DecodeLimits.DEFAULT, UploadRate.DEFAULT, Optional.empty());
    }

    /** False when {@code media.port} is 0: the host does not serve media. */
    public boolean enabled() {
        return port != 0;
    }

    public MediaSettings withPort(int newPort) {
        return new MediaSettings(bind, newPort, maxBytes, maxPixels, orphanTtl, sweepInterval, http, decoding, uploadRate,
                webMqttUrl);
    }

    public MediaSettings withMaxBytes(long limit) {
        return new MediaSettings(bind, port, limit, maxPixels, orphanTtl, sweepInterval, http, decoding, uploadRate,
                webMqttUrl);
    }

    public MediaSettings withMaxPixels(long limit) {
        return new MediaSettings(bind, port, maxBytes, limit, orphanTtl, sweepInterval, http, decoding, uploadRate,
                webMqttUrl);
    }

    public MediaSettings withHttp(HttpLimits limits) {
        return new MediaSettings(bind, port, maxBytes, maxPixels, orphanTtl, sweepInterval, limits, decoding, uploadRate,
                webMqttUrl);
    }

    public MediaSettings withDecoding(DecodeLimits limits) {
        return new MediaSettings(bind, port, maxBytes, maxPixels, orphanTtl, sweepInterval, http, limits, uploadRate,
                webMqttUrl);
    }

    public MediaSettings withWebMqttUrl(String url) {
        return new MediaSettings(bind, port, maxBytes, maxPixels, orphanTtl, sweepInterval, http, decoding, uploadRate,
                Optional.of(url));
    }

    public MediaSettings withUploadRate(UploadRate rate) {
        return new MediaSettings(bind, port, maxBytes, maxPixels, orphanTtl, sweepInterval, http, decoding, rate,
                webMqttUrl);
    }
}
