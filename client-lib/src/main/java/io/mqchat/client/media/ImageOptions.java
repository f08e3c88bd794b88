package io.mqchat.client.media;

/**
 * The optional parts of sending an image: a caption and an upload progress listener. Immutable; start from
 * {@link #none()}: {@code ImageOptions.none().withCaption("Sunset").withProgress((sent, total) -> bar.show(sent, total))}.
 *
 * @param caption  text shown with the image, or null for none (an empty caption counts as none)
 * @param progress hears the upload's progress, or null
 */
public record ImageOptions(String caption, UploadProgress progress) {

    private static final ImageOptions NONE = new ImageOptions(null, null);

    public ImageOptions {
        if (caption != null && caption.isEmpty()) {
            caption = null;
        }
    }

    /** No caption, no progress listener. */
    public static ImageOptions none() {
        return NONE;
    }

    /** These options with {@code text} as the caption. */
    public ImageOptions withCaption(String text) {
        return new ImageOptions(text, progress);
    }

    /** These options with {@code listener} hearing the upload's progress. */
    public ImageOptions withProgress(UploadProgress listener) {
        return new ImageOptions(caption, listener);
    }
}
