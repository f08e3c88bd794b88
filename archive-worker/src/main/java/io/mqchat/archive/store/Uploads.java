package io.mqchat.archive.store;

/**
 * Who uploaded which image, as the media endpoint recorded it. A message shares an image (and so lets its
 * conversation download it) only when its sender uploaded that image: a media id alone, which a removed member or the
 * recipient of a disappearing image keeps, must not be enough to grant anyone access again.
 */
@FunctionalInterface
public interface Uploads {

    /**
     * True when {@code user} uploaded image {@code mediaId}.
     *
     * @throws ArchiveUnavailableException when the media store cannot be reached
     */
    boolean uploadedBy(String user, String mediaId);
}
