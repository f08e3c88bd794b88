package io.mqchat.client.media;

import io.mqchat.client.MqchatException;

/**
 * A downloaded image's bytes are not the ones its reference names (their SHA-256 differs): they are not handed to
 * the app. The reference or the server is at fault, so the library does not retry.
 */
public class MediaIntegrityException extends MqchatException {

    private final String mediaId;
    private final String expectedSha256;
    private final String actualSha256;

    /**
     * @param mediaId        the image downloaded
     * @param expectedSha256 the hash the reference names
     * @param actualSha256   the hash of the bytes that arrived
     */
    public MediaIntegrityException(String mediaId, String expectedSha256, String actualSha256) {
        super("media " + mediaId + " arrived with SHA-256 " + actualSha256 + ", its reference says " + expectedSha256);
        this.mediaId = mediaId;
        this.expectedSha256 = expectedSha256;
        this.actualSha256 = actualSha256;
    }

    /** The image downloaded. */
    public String mediaId() {
        return mediaId;
    }

    /** The hash the reference names. */
    public String expectedSha256() {
        return expectedSha256;
    }

    /** The hash of the bytes that arrived. */
    public String actualSha256() {
        return actualSha256;
    }
}
