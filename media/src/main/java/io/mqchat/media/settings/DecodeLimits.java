package io.mqchat.media.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * What checking one uploaded image may cost, judged from its header before it is decoded where possible.
 *
 * @param maxScans     most scans of a progressive JPEG (each scan makes the decoder walk the whole image again)
 * @param memoryBytes  memory all decodes running at once may take, estimated from the headers before decoding; an
 *                     image that needs more alone is refused, others wait for their share
 * @param timeout      longest decode; also how long an upload waits for its turn to decode
 */
public record DecodeLimits(int maxScans, long memoryBytes, Duration timeout) {

    /** The defaults: 64 scans, 256 MiB, 10 s. */
    public static final DecodeLimits DEFAULT = new DecodeLimits(64, 256L * 1024 * 1024, Duration.ofSeconds(10));

    public DecodeLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (maxScans < 1 || memoryBytes < 1024 * 1024 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("decode limits: at least 1 scan, 1 MiB and a positive timeout");
        }
    }
}
