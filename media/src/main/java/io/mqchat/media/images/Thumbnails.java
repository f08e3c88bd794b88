package io.mqchat.media.images;

import io.mqchat.protocol.MediaRef;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Small JPEG previews that travel inside chat messages (every copy of the message, to every device, carries one). A
 * preview is at most {@link #MAX_SIDE} pixels on its long side and at most {@link #MAX_BYTES} bytes, well inside
 * {@link MediaRef#MAX_THUMBNAIL_CHARS} once in base64; a busy image is encoded with less quality, then smaller,
 * until it fits.
 */
public final class Thumbnails {

    /** Longest side of a preview, in pixels. */
    public static final int MAX_SIDE = 320;
    /** Largest preview in bytes: a few KB, as a photo of 320 x 240 is at medium quality. */
    public static final int MAX_BYTES = 8 * 1024;
    private static final float[] QUALITIES = {0.7f, 0.5f, 0.35f};
    private static final int SMALLEST_SIDE = 16;

    private Thumbnails() {
    }

    /** A JPEG preview of {@code image}; transparent parts become white (JPEG has no alpha). */
    public static byte[] jpeg(BufferedImage image) {
        return jpeg(image, ExifOrientation.AS_STORED);
    }

    /** A JPEG preview of {@code image} turned as the EXIF {@code orientation} (1-8) says. */
    static byte[] jpeg(BufferedImage image, int orientation) {
        int side = MAX_SIDE;
        while (true) {
            BufferedImage scaled = ExifOrientation.apply(scale(image, side), orientation);
            for (float quality : QUALITIES) {
                byte[] encoded = encode(scaled, quality);
                if (encoded.length <= MAX_BYTES || side <= SMALLEST_SIDE) {
                    return encoded;
                }
            }
            side = Math.max(SMALLEST_SIDE, side * 2 / 3);
        }
    }

    /** {@code image} on a white RGB canvas, its long side at most {@code side}; never enlarged. */
    static BufferedImage scale(BufferedImage image, int side) {
        int width = image.getWidth();
        int height = image.getHeight();
        double factor = Math.min(1.0, (double) side / Math.max(width, height));
        int targetWidth = Math.max(1, (int) Math.round(width * factor));
        int targetHeight = Math.max(1, (int) Math.round(height * factor));
        BufferedImage current = image;
        int currentWidth = width;
        int currentHeight = height;
        // Halving step by step keeps bilinear scaling from skipping pixels (a one-step 4:1 shrink looks grainy).
        while (currentWidth / 2 >= targetWidth && currentHeight / 2 >= targetHeight) {
            currentWidth /= 2;
            currentHeight /= 2;
            current = draw(current, currentWidth, currentHeight);
        }
        return draw(current, targetWidth, targetHeight);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** {@code image} as a JPEG of {@code quality} (0-1), encoded in memory. */
    public static byte[] encode(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // A memory cache: ImageIO's default output stream would spill to a temporary file.
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a JPEG in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
