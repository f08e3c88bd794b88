package io.mqchat.media.images;

import java.io.IOException;
import javax.imageio.stream.ImageInputStream;

/**
 * The memory a check of an image takes, estimated from its header before anything is allocated. The decode is
 * subsampled to about twice the preview size, so what counts is what a decoder holds besides its output:
 * <ul>
 *     <li>a PNG or GIF is decoded row by row: a few rows (the JDK's PNG reader keeps the current row, the previous
 *     one and a raster of one row), so a 50,000,000 x 1 PNG needs hundreds of megabytes for its one row;</li>
 *     <li>a baseline JPEG is decoded by rows of blocks: 16 rows of every component;</li>
 *     <li>a progressive JPEG keeps every coefficient of the image ({@link JpegStructure#coefficientBytes});</li>
 *     <li>a WebP frame is decoded whole, 4 bytes a pixel;</li>
 *     <li>a JPEG with an EXIF orientation is also decoded whole to be stored upright.</li>
 * </ul>
 */
final class DecodeCost {

    /** Bytes a pixel of the decoded, subsampled output takes at most (16-bit RGBA). */
    private static final int OUTPUT_BYTES_PER_PIXEL = 8;
    private static final int PNG_ROWS_HELD = 3;
    private static final long OVERHEAD = 1024 * 1024;

    private DecodeCost() {
    }

    /** {@code width} x {@code height} decoded every {@code step}-th pixel both ways, at most 8 bytes a pixel. */
    static long output(int width, int height, int step) {
        return ((long) width / step + 1) * ((long) height / step + 1) * OUTPUT_BYTES_PER_PIXEL;
    }

    static long jpeg(int width, JpegStructure structure) {
        return OVERHEAD + (structure.progressive() ? structure.coefficientBytes() : (long) width * 16 * 4);
    }

    /** A PNG's rows, from its IHDR (which the format puts first): bit depth and colour type give bytes a pixel. */
    static long png(ImageInputStream in, int width) throws IOException {
        in.seek(24);
        int bitDepth = in.readUnsignedByte();
        int channels = switch (in.readUnsignedByte()) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
        in.seek(0);
        return OVERHEAD + PNG_ROWS_HELD * (((long) width * channels * bitDepth + 7) / 8 + 1);
    }

    static long gif(int width) {
        return OVERHEAD + (long) width * OUTPUT_BYTES_PER_PIXEL;
    }

    /** Turning a JPEG upright for storage (its EXIF orientation): the whole image decoded, and turned, 3 bytes a pixel each. */
    static long upright(int width, int height) {
        return (long) width * height * 6;
    }

    static long webp(int width, int height) {
        return OVERHEAD + (long) width * height * 4;
    }
}
