package io.mqchat.media.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of the HTTP server one client, or all of them, may hold.
 *
 * @param threads        request threads; a header being received holds none, a request being handled holds one
 * @param maxConnections open connections at most; beyond, new ones wait in the kernel's accept queue
 * @param headerTimeout  a connection that sends bytes but completes no request header within this is closed
 * @param idleTimeout    a connection that sends and receives nothing for this long is closed (also mid-request)
 * @param minUploadRate  bytes per second an upload must average once it has run for {@code headerTimeout}
 * @param maxUploads     uploads received and checked at once (each is held in memory); beyond, 503 at once
 */
public record HttpLimits(int threads, int maxConnections, Duration headerTimeout, Duration idleTimeout,
                         long minUploadRate, int maxUploads) {

    /** The defaults: 32 threads, 512 connections, 10 s for a header, 30 s idle, 8 KiB/s, 8 uploads at once. */
    public static final HttpLimits DEFAULT = new HttpLimits(32, 512, Duration.ofSeconds(10), Duration.ofSeconds(30),
            8192, 8);

    public HttpLimits {
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxUploads < 1 || threads < maxUploads + 2) {
            // Uploads may hold threads for minutes: some must always be left for downloads.
            throw new IllegalArgumentException("media.threads must exceed media.max-uploads by at least 2");
        }
        if (maxConnections < 1 || minUploadRate < 0 || headerTimeout.isNegative() || headerTimeout.isZero()
                || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("media limits must be positive");
        }
    }
}
