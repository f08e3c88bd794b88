package io.mqchat.media.images;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.stream.ImageInputStream;

/**
 * The EXIF orientation of a JPEG (tag 0x0112): phone cameras store pixels as the sensor saw them and say in this tag
 * how to turn them. Viewers apply it, so the preview and the reported width and height must too, or a portrait photo
 * shows a sideways thumbnail. Values 1-8 as in EXIF 2.3; anything unreadable counts as 1 (as stored).
 */
final class ExifOrientation {

    static final int AS_STORED = 1;
    private static final int APP1 = 0xe1;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

    private ExifOrientation() {
    }

    /** The orientation of the JPEG {@code in} holds, reading the segments before the image data; rewinds it. */
    static int ofJpeg(ImageInputStream in) {
        int[] found = {AS_STORED};
        try {
            JpegSegments.walk(in, (marker, start, end, stream) -> {
                if (marker == APP1 && isExif(stream, start, end)) {
                    byte[] tiff = new byte[(int) (end - start - 4 - EXIF_HEADER.length)];
                    stream.readFully(tiff);
                    found[0] = fromTiff(ByteBuffer.wrap(tiff));
                    return false;
                }
                return marker != JpegSegments.SOS;
            });
        } catch (IOException | RuntimeException e) {
            return AS_STORED;
        } finally {
            try {
                in.seek(0);
            } catch (IOException e) {
                // An in-memory stream seeks.
            }
        }
        return found[0];
    }

    /** True when the APPn segment from {@code start} to {@code end} is EXIF; leaves {@code in} after its header. */
    static boolean isExif(ImageInputStream in, long start, long end) throws IOException {
        if (end - start < 4 + EXIF_HEADER.length) {
            return false;
        }
        byte[] header = new byte[EXIF_HEADER.length];
        in.seek(start + 4);
        in.readFully(header);
        return Arrays.equals(header, EXIF_HEADER);
    }

    /** Tag 0x0112 of the first IFD of a TIFF structure (EXIF's container). */
    private static int fromTiff(ByteBuffer tiff) {
        if (tiff.remaining() < 8) {
            return AS_STORED;
        }
        tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = tiff.getInt(4);
        int entries = tiff.getShort(ifd) & 0xffff;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if ((tiff.getShort(entry) & 0xffff) == ORIENTATION_TAG) {
                int value = tiff.getShort(entry + 8) & 0xffff;
                return value >= 1 && value <= 8 ? value : AS_STORED;
            }
        }
        return AS_STORED;
    }

    /** True when the orientation turns the image by a quarter: width and height swap. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** {@code image} turned and mirrored as {@code orientation} says; meant for previews (pixel by pixel). */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation == AS_STORED) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = swapsSides(orientation);
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                switch (orientation) {
                    case 2 -> turned.setRGB(w - 1 - x, y, rgb);
                    case 3 -> turned.setRGB(w - 1 - x, h - 1 - y, rgb);
                    case 4 -> turned.setRGB(x, h - 1 - y, rgb);
                    case 5 -> turned.setRGB(y, x, rgb);
                    case 6 -> turned.setRGB(h - 1 - y, x, rgb);
                    case 7 -> turned.setRGB(h - 1 - y, w - 1 - x, rgb);
                    case 8 -> turned.setRGB(y, w - 1 - x, rgb);
                    default -> throw new IllegalArgumentException("orientation " + orientation);
                }
            }
        }
        return turned;
    }
}
