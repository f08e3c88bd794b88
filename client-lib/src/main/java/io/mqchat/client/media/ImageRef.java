package io.mqchat.client.media;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The image an image message shares: what the server's media endpoint recorded when it was uploaded, and a small
 * JPEG preview to show until (or instead of) the full image, which {@link io.mqchat.client.MqchatClient#downloadMedia}
 * fetches. Immutable.
 *
 * <p>An app that stores messages keeps these values and builds the reference again with the constructor to
 * download later.
 */
public final class ImageRef {

    /** Ids become a level of the download URL's path: nothing that could step out of it. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final String id;
    private final String contentType;
    private final long size;
    private final int width;
    private final int height;
    private final String sha256;
    private final byte[] thumbnail;

    /**
     * @param id          the image's id on the media endpoint
     * @param contentType {@code image/jpeg}, {@code image/png}, {@code image/webp} or {@code image/gif}
     * @param size        bytes of the full image
     * @param width       pixels, as the image is shown
     * @param height      pixels, as the image is shown
     * @param sha256      lowercase hex SHA-256 of the full image; downloads are checked against it
     * @param thumbnail   the preview's JPEG bytes (copied), or null for none
     * @throws IllegalArgumentException for an id that cannot be a media id or a malformed hash
     */
    public ImageRef(String id, String contentType, long size, int width, int height, String sha256,
                    byte[] thumbnail) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a media id: " + id);
        }
        if (sha256 == null || !HEX_SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
        }
        this.id = id;
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.size = size;
        this.width = width;
        this.height = height;
        this.sha256 = sha256;
        this.thumbnail = thumbnail == null || thumbnail.length == 0 ? null : thumbnail.clone();
    }

    /** The image's id on the media endpoint. */
    public String id() {
        return id;
    }

    /** The image's type as the server read it from the bytes, e.g. {@code image/png}. */
    public String contentType() {
        return contentType;
    }

    /** Bytes of the full image. */
    public long size() {
        return size;
    }

    /** Width in pixels, as the image is shown (a JPEG's orientation applied). */
    public int width() {
        return width;
    }

    /** Height in pixels, as the image is shown. */
    public int height() {
        return height;
    }

    /** Lowercase hex SHA-256 of the full image. */
    public String sha256() {
        return sha256;
    }

    /**
     * The preview: JPEG bytes, long side at most 320 pixels (a copy; the server makes one for every upload, so it is
     * empty only for a reference from elsewhere).
     */
    public Optional<byte[]> thumbnail() {
        return thumbnail == null ? Optional.empty() : Optional.of(thumbnail.clone());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageRef that && size == that.size && width == that.width && height == that.height
                && id.equals(that.id) && contentType.equals(that.contentType) && sha256.equals(that.sha256)
                && Arrays.equals(thumbnail, that.thumbnail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, contentType, size, width, height, sha256) * 31 + Arrays.hashCode(thumbnail);
    }

    /** Names the image, never its bytes. */
    @Override
    public String toString() {
        return "ImageRef[id=" + id + ", contentType=" + contentType + ", size=" + size + ", " + width + "x" + height
                + ", thumbnail=" + (thumbnail == null ? "none" : thumbnail.length + " bytes") + "]";
    }
}
