package io.mqchat.client.media;

/**
 * Hears how far an image upload got, for a progress bar. Called on the HTTP client's threads, so it should return
 * quickly; an exception it throws does not stop the upload.
 */
@FunctionalInterface
public interface UploadProgress {

    /**
     * Called with 0 when an attempt starts (again after a retry), then as the bytes are handed to the connection;
     * {@code sent == total} once all of them were.
     *
     * @param sent  bytes of the image sent so far in this attempt
     * @param total bytes of the image
     */
    void progressed(long sent, long total);
}
