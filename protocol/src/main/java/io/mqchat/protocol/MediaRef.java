package io.mqchat.protocol;

import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A pointer to an uploaded image, carried by an image message instead of the image itself: the recipient shows the
 * inline thumbnail at once and downloads the full image from the media endpoint when it wants.
 *
 * @param id          the media id on the media endpoint ({@code GET /media/{id}})
 * @param contentType {@code image/jpeg}, {@code image/png}, {@code image/webp} or {@code image/gif}, as the server
 *                    read it from the bytes
 * @param size        bytes of the full image
 * @param width       pixels
 * @param height      pixels
 * @param sha256      lowercase hex SHA-256 of the full image, to check a download
 * @param thumbnail   a small JPEG preview, base64 (at most {@value #MAX_THUMBNAIL_CHARS} characters)
 */
public record MediaRef(String id, String contentType, long size, int width, int height, String sha256,
                       String thumbnail) {

    /** The image types the server accepts. */
    public static final List<String> CONTENT_TYPES = List.of("image/jpeg", "image/png", "image/webp", "image/gif");
    /** Upper bound of an inline thumbnail, base64: about 24 KB of JPEG. */
    public static final int MAX_THUMBNAIL_CHARS = 32 * 1024;
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The problem with this reference as a client sent it, or null when it is well-formed. */
    public String problem() {
        if (id == null || !HEX_SHA256.matcher(id).matches()) {
            return "media.id must be a media id (64 lowercase hex digits)";
        }
        if (sha256 == null || !HEX_SHA256.matcher(sha256).matches()) {
            return "media.sha256 must be 64 lowercase hex digits";
        }
        if (!CONTENT_TYPES.contains(contentType)) {
            return "media.contentType must be one of " + CONTENT_TYPES;
        }
        if (size < 1 || width < 1 || height < 1) {
            return "media.size, media.width and media.height must be positive";
        }
        if (thumbnail != null && (thumbnail.length() > MAX_THUMBNAIL_CHARS || !isBase64(thumbnail))) {
            return "media.thumbnail must be base64 of at most " + MAX_THUMBNAIL_CHARS + " characters";
        }
        return null;
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
