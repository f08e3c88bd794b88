package io.mqchat.media.settings;

/**
 * How many uploads one user may start, over all of its devices: a token bucket of {@code burst} refilled at
 * {@code perMinute}. Each new upload costs a decode and memory, so without it one account could keep every decode
 * busy.
 *
 * @param perMinute sustained uploads per minute
 * @param burst     uploads allowed at once after a quiet spell
 */
public record UploadRate(int perMinute, int burst) {

    /** The defaults: 30 a minute, 20 at once (an album of photos). */
    public static final UploadRate DEFAULT = new UploadRate(30, 20);

    public UploadRate {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("media.upload-rate and media.upload-burst must be at least 1");
        }
    }
}
