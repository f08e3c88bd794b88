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

    public static final Key<Integer> THREADS = Key.integer("media.threads", "32", 4, 1024,
            "Request threads of the media endpoint; must exceed media.max-uploads by 2 so downloads always get one");
    public static final Key<Integer> MAX_CONNECTIONS = Key.integer("media.max-connections", "512", 1, 1_000_000,
            "Open connections to the media endpoint at most; further ones wait to be accepted");
    public static final Key<Duration> HEADER_TIMEOUT = Key.duration("media.header-timeout", "10s",
            Duration.ofMillis(100), Duration.ofMinutes(10),
            "A connection that sends bytes but no complete request header within this is closed (slowloris)");
    public static final Key<Duration> IDLE_TIMEOUT = Key.duration("media.idle-timeout", "30s",
            Duration.ofMillis(100), Duration.ofHours(1),
            "A media connection that sends and receives nothing for this long is closed, also mid-request");
    public static final Key<Long> MIN_UPLOAD_RATE = Key.longInteger("media.min-upload-rate", "8192", 0,
            1L << 30, "Bytes per second an upload must average after its first media.header-timeout (408 below); "
                    + "0 = no minimum");
    public static final Key<Integer> MAX_UPLOADS = Key.integer("media.max-uploads", "8", 1, 1000,
            "Uploads received and checked at once, each held in memory; further ones are answered 503 at once");
    public static final Key<Integer> MAX_SCANS = Key.integer("media.max-scans", "64", 1, 10_000,
            "Most scans of a progressive JPEG, counted before decoding (422 too_complex beyond)");
    public static final Key<Long> DECODE_MEMORY = Key.longInteger("media.decode-memory", "268435456", 1024 * 1024,
            1L << 40, "Bytes all image decodes at once may take, estimated from the headers before decoding; an "
                    + "image that needs more alone is refused with 422 too_complex");
    public static final Key<Duration> DECODE_TIMEOUT = Key.duration("media.decode-timeout", "10s",
            Duration.ofMillis(1), Duration.ofMinutes(10),
            "Longest decode of an uploaded image (422 too_complex beyond), and longest wait for a turn to decode");
    public static final Key<Integer> UPLOAD_RATE = Key.integer("media.upload-rate", "30", 1, 1_000_000,
            "Uploads one user may start per minute, over all of its devices (429 with Retry-After beyond)");
    public static final Key<Integer> UPLOAD_BURST = Key.integer("media.upload-burst", "20", 1, 1_000_000,
            "Uploads one user may start at once after a quiet spell");
    public static final Key<String> WEB_MQTT_URL = Key.of("web.mqtt-url", new WebSocketUrlParser(), null,
            "MQTT-over-WebSocket URL the web app connects to (ws:// or wss://; {user} is replaced by the user "
                    + "id); unset: the page's own host name with the broker's websocket port and path");

    /** The endpoint's keys, wherever it runs. */
    public static final ConfigSchema SCHEMA = ConfigSchema.of(BIND, PORT, MAX_BYTES, MAX_PIXELS, ORPHAN_TTL,
            SWEEP_INTERVAL, THREADS, MAX_CONNECTIONS, HEADER_TIMEOUT, IDLE_TIMEOUT, MIN_UPLOAD_RATE, MAX_UPLOADS,
            MAX_SCANS, DECODE_MEMORY, DECODE_TIMEOUT, UPLOAD_RATE, UPLOAD_BURST, WEB_MQTT_URL);

    private MediaKeys() {
    }
}
