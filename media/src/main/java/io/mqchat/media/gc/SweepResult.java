package io.mqchat.media.gc;

/**
 * What one sweep deleted.
 *
 * @param images         images no unexpired message refers to, past the orphan TTL
 * @param abandonedBytes stored bytes no image records (uploads that died half-way)
 */
public record SweepResult(int images, int abandonedBytes) {
}
