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
    private static final int SOS = 0xda;
    private static final int EOI = 0xd9;
    private static final int APP1 = 0xe1;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

    private ExifOrientation() {
    }

    /** The orientation of the JPEG {@code in} holds, reading the segments before the image data; rewinds it. */
    static int ofJpeg(ImageInputStream in) {
        try {
            in.seek(2);
            while (true) {
                if (in.read() != 0xff) {
                    return AS_STORED;
                }
                int marker = in.read();
                while (marker == 0xff) {
                    marker = in.read();
                }
                if (marker < 0 || marker == SOS || marker == EOI) {
                    return AS_STORED;
                }
                if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                    continue; // no length
                }
                int length = in.readUnsignedShort();
                if (length < 2) {
                    return AS_STORED;
                }
                byte[] segment = new byte[length - 2];
                in.readFully(segment);
                if (marker == APP1 && segment.length > EXIF_HEADER.length
                        && Arrays.equals(segment, 0, EXIF_HEADER.length, EXIF_HEADER, 0, EXIF_HEADER.length)) {
                    return fromTiff(ByteBuffer.wrap(segment, EXIF_HEADER.length, segment.length - EXIF_HEADER.length)
                            .slice());
                }
            }
        } catch (IOException | RuntimeException e) {
            return AS_STORED;
        } finally {
            try {
                in.seek(0);
            } catch (IOException e) {
                // An in-memory stream seeks.
            }
        }
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
