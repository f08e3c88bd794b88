package io.mqchat.client.media;

/**
 * A download found nothing to give this user: no such image, or it was not shared with this user in a
 * conversation it belongs to, or the message that shared it has disappeared. The endpoint gives the same answer in
 * each case (so image ids cannot be probed). For an image from a message that just arrived, the client asks again
 * for a few seconds first: the server may still be recording the message.
 */
public class MediaNotFoundException extends MediaRejectedException {

    private final String mediaId;

    /**
     * @param mediaId the image asked for
     * @param detail  the endpoint's explanation
     */
    public MediaNotFoundException(String mediaId, String detail) {
        super(404, "not_found", detail);
        this.mediaId = mediaId;
    }

    /** The image asked for. */
    public String mediaId() {
        return mediaId;
    }
}
