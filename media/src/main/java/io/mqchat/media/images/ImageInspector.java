package io.mqchat.media.images;

import io.mqchat.media.images.ImageRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether an upload is an image the endpoint accepts, and makes its preview. The format comes from the
 * bytes, never from what the client claims; the pixel dimensions come from the image header, and an image with
 * more than the allowed pixels is refused before anything is decoded (a few kilobytes can claim 10 billion pixels).
 * The image is then decoded once, subsampled on the fly so memory stays near the preview's size, which also proves
 * it is not corrupt. Only the first frame of an animated GIF or WebP is looked at. A JPEG's EXIF orientation is
 * applied to the preview and to the dimensions, which are those a viewer shows.
 */
public final class ImageInspector {

    private final long maxPixels;

    /**
     * @throws IllegalStateException when ImageIO has no reader for one of the {@link ImageType}s (the WebP plugin
     *                               is missing from the class path)
     */
    public ImageInspector(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        this.maxPixels = maxPixels;
        for (ImageType type : ImageType.values()) {
            if (!ImageIO.getImageReadersByFormatName(type.formatName()).hasNext()) {
                throw new IllegalStateException("no ImageIO reader for " + type.contentType());
            }
        }
    }

    /** Checks the image {@code in} holds (from its first byte) and makes its preview. */
    public InspectedImage inspect(ImageInputStream in) throws ImageRejectedException {
        ImageType type = sniff(in);
        int orientation = type == ImageType.JPEG ? ExifOrientation.ofJpeg(in) : ExifOrientation.AS_STORED;
        ImageReader reader = readerFor(type);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw new ImageRejectedException(Reason.CORRUPT, "the image has no pixels");
            }
            if ((long) width * height > maxPixels) {
                throw new ImageRejectedException(Reason.TOO_MANY_PIXELS, "the image has too many pixels ("
                        + width + " x " + height + "; at most " + maxPixels + " allowed)");
            }
            BufferedImage decoded = reader.read(0, subsampled(reader, width, height));
            String truncation = truncationWarning(warnings);
            if (decoded == null || truncation != null) {
                throw new ImageRejectedException(Reason.CORRUPT, "the image is incomplete"
                        + (truncation == null ? "" : " (" + truncation + ")"));
            }
            byte[] thumbnail = Thumbnails.jpeg(decoded, orientation);
            return ExifOrientation.swapsSides(orientation) ? new InspectedImage(type, height, width, thumbnail)
                    : new InspectedImage(type, width, height, thumbnail);
        } catch (IOException | RuntimeException e) {
            // Readers signal broken data with IIOException, but also with IllegalArgumentException,
            // IndexOutOfBoundsException and the like: all mean the same here.
            throw new ImageRejectedException(Reason.CORRUPT, "the " + type.contentType() + " image cannot be decoded");
        } finally {
            reader.dispose();
        }
    }

    private static ImageType sniff(ImageInputStream in) throws ImageRejectedException {
        byte[] head = new byte[ImageType.SNIFF_BYTES];
        int length = 0;
        try {
            in.seek(0);
            while (length < head.length) {
                int read = in.read(head, length, head.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
            in.seek(0);
        } catch (IOException e) {
            throw new ImageRejectedException(Reason.CORRUPT, "the upload cannot be read");
        }
        return ImageType.sniff(head, length).orElseThrow(() -> new ImageRejectedException(Reason.UNSUPPORTED_TYPE,
                "not a JPEG, PNG, GIF or WebP image"));
    }

    private static ImageReader readerFor(ImageType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.formatName());
        return readers.next();
    }

    /** Decodes every n-th pixel so the decoded image is 1-2 times the preview size, never the full image. */
    private static ImageReadParam subsampled(ImageReader reader, int width, int height) {
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(width, height) / (2 * Thumbnails.MAX_SIDE));
        param.setSourceSubsampling(step, step, 0, 0);
        return param;
    }

    /** A reader's word that the data ended early (the JPEG reader fills the rest with grey and only warns). */
    private static String truncationWarning(List<String> warnings) {
        for (String warning : warnings) {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (lower.contains("premature end") || lower.contains("truncated")) {
                return warning;
            }
        }
        return null;
    }
}
