package io.mqchat.media.store;

/**
 * The outcome of {@link MediaStore#save}.
 *
 * @param media   the stored image
 * @param created true when these bytes were stored now; false when they were already there (the upload only
 *                added its uploader)
 */
public record Saved(StoredMedia media, boolean created) {
}
