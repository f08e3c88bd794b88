package io.mqchat.media.access;

/**
 * Where images were shared, as the message archive knows it. The media endpoint asks it who may download an image
 * (besides its uploaders, who always may) and whether an image is still needed; the archive implements it.
 *
 * <p>Both questions count only messages that have not expired: an image of a disappearing message is no longer
 * readable, nor referenced, once the message expired. An implementation that cannot answer (its store is down)
 * throws a {@link RuntimeException}: a download is then answered 503, and the sweeper keeps the image.
 */
public interface MediaAccess {

    /** True when an unexpired message carrying media {@code mediaId} is in a conversation {@code user} may read. */
    boolean mayRead(String user, String mediaId);

    /** True when any unexpired message carries media {@code mediaId}. */
    boolean isReferenced(String mediaId);
}
