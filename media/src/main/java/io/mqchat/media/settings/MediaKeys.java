package io.mqchat.media.settings;

import io.mqchat.config.ConfigSchema;
import io.mqchat.config.Key;
import java.time.Duration;

/**
 * The media endpoint's configuration keys. A program that hosts the endpoint (the archive-worker process, the
 * all-in-one server) adds {@link #SCHEMA} to its own; token verification uses that program's {@code jwt.*} keys.
 */
public final class MediaKeys {

    public static final Key<String> BIND = Key.text("media.bind", "127.0.0.1",
            "Address the media endpoint (HTTP) listens on");
    public static final Key<Integer> PORT = Key.portOrOff("media.port", "8090",
            "Port of the media endpoint (image upload and download); 0 switches it off");
    public static final Key<Long> MAX_BYTES = Key.longInteger("media.max-bytes", "16777216", 1024,
            MediaSettings.MAX_MAX_BYTES, "Largest image upload in bytes; larger ones are refused with 413");
    public static final Key<Long> MAX_PIXELS = Key.longInteger("media.max-pixels", "50000000", 1,
            MediaSettings.MAX_MAX_PIXELS, "Most pixels (width x height) of an uploaded image, checked before it is "
                    + "decoded; guards against decompression bombs");
    public static final Key<Duration> ORPHAN_TTL = Key.duration("media.orphan-ttl", "24h", Duration.ofMinutes(1),
            "How long after its last upload an image no unexpired message refers to is kept");
    public static final Key<Duration> SWEEP_INTERVAL = Key.duration("media.sweep-interval", "10m",
            Duration.ofSeconds(1), Duration.ofDays(1),
            "How often unreferenced and expired images are looked for and deleted");

    /** The endpoint's keys, wherever it runs. */
    public static final ConfigSchema SCHEMA = ConfigSchema.of(BIND, PORT, MAX_BYTES, MAX_PIXELS, ORPHAN_TTL,
            SWEEP_INTERVAL);

    private MediaKeys() {
    }
}
