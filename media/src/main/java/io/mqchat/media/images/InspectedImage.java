package io.mqchat.media.images;

/**
 * An upload that proved to be a decodable image.
 *
 * @param type      its format, from its bytes
 * @param width     pixels, as shown (a JPEG's EXIF orientation applied)
 * @param height    pixels, as shown
 * @param thumbnail a JPEG preview, long side at most {@link Thumbnails#MAX_SIDE} pixels
 */
public record InspectedImage(ImageType type, int width, int height, byte[] thumbnail) {
}
