package io.mqchat.media.images;

/**
 * What an upload's header says, before anything is decoded: enough to refuse it, and to reserve the memory its
 * decode takes.
 *
 * @param type        its format, from its bytes
 * @param width       pixels, as stored
 * @param height      pixels, as stored
 * @param orientation the EXIF orientation of a JPEG (1-8; 1 for other formats)
 * @param decodeBytes the memory its check will take at most, estimated by {@link DecodeCost}
 */
public record ImageHeader(ImageType type, int width, int height, int orientation, long decodeBytes) {
}
