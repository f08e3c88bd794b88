package io.mqchat.media.images;

import io.mqchat.media.budget.Deadline;
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
 * applied to the preview and to the dimensions, which are those a viewer shows. What a decode costs is judged from
 * the header first ({@link #header}): pixels, a progressive JPEG's scans, memory ({@link DecodeCost}); the decode
 * itself runs within a time budget ({@link Deadline}).
 */
public final class ImageInspector {

    private final long maxPixels;
    private final int maxScans;
    private final long maxDecodeBytes;

    /**
     * @param maxPixels      most pixels an image may have
     * @param maxScans       most scans of a progressive JPEG
     * @param maxDecodeBytes most memory the check of one image may take ({@link DecodeCost})
     * @throws IllegalStateException when ImageIO has no reader for one of the {@link ImageType}s (the WebP plugin
     *                               is missing from the class path)
     */
    public ImageInspector(long maxPixels, int maxScans, long maxDecodeBytes) {
        if (maxPixels < 1 || maxScans < 1 || maxDecodeBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxPixels = maxPixels;
        this.maxScans = maxScans;
        this.maxDecodeBytes = maxDecodeBytes;
        for (ImageType type : ImageType.values()) {
            if (!ImageIO.getImageReadersByFormatName(type.formatName()).hasNext()) {
                throw new IllegalStateException("no ImageIO reader for " + type.contentType());
            }
        }
    }

    /** Only the pixel limit; no limit on scans and memory (tests of the decoding itself). */
    public ImageInspector(long maxPixels) {
        this(maxPixels, Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /** Checks the image {@code in} holds (from its first byte) and makes its preview, with no time budget. */
    public InspectedImage inspect(ImageInputStream in) throws ImageRejectedException {
        return inspect(header(in), in, Deadline.none());
    }

    /**
     * Reads the image's header and refuses it when its pixels, its scans or the memory its check needs are over the
     * limits. Nothing is decoded; for a JPEG the bytes are walked once to count the scans.
     */
    public ImageHeader header(ImageInputStream in) throws ImageRejectedException {
        ImageType type = sniff(in);
        ImageReader reader = readerFor(type);
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
            in.seek(0);
            int orientation = type == ImageType.JPEG ? ExifOrientation.ofJpeg(in) : ExifOrientation.AS_STORED;
            long bytes = DecodeCost.output(width, height, step(width, height)) + formatCost(type, in, width, height)
                    + (orientation == ExifOrientation.AS_STORED ? 0 : DecodeCost.upright(width, height));
            if (bytes > maxDecodeBytes) {
                throw new ImageRejectedException(Reason.TOO_COMPLEX, "checking the image would take " + mib(bytes)
                        + " MiB of memory (" + width + " x " + height + "); at most " + mib(maxDecodeBytes)
                        + " MiB allowed");
            }
            return new ImageHeader(type, width, height, orientation, bytes);
        } catch (IOException | RuntimeException e) {
            throw new ImageRejectedException(Reason.CORRUPT, "the " + type.contentType() + " image cannot be decoded");
        } finally {
            reader.dispose();
        }
    }

    private long formatCost(ImageType type, ImageInputStream in, int width, int height)
            throws IOException, ImageRejectedException {
        switch (type) {
            case JPEG -> {
                JpegStructure structure = JpegStructure.of(in);
                if (structure.scans() > maxScans) {
                    throw new ImageRejectedException(Reason.TOO_COMPLEX, "the JPEG has " + structure.scans()
                            + " scans; at most " + maxScans + " allowed");
                }
                return DecodeCost.jpeg(width, structure);
            }
            case PNG -> {
                return DecodeCost.png(in, width);
            }
            case GIF -> {
                return DecodeCost.gif(width);
            }
            default -> {
                return DecodeCost.webp(width, height);
            }
        }
    }

    /**
     * Decodes the image {@code header} was read from (subsampled) and makes its preview, within {@code deadline}:
     * once it passes, the reader is aborted and the image refused as too complex.
     */
    public InspectedImage inspect(ImageHeader header, ImageInputStream in, Deadline deadline)
            throws ImageRejectedException {
        ImageType type = header.type();
        ImageReader reader = readerFor(type);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        deadline.onExpiry(reader::abort);
        try {
            in.seek(0);
            reader.setInput(in, true, true);
            BufferedImage decoded = reader.read(0, subsampled(reader, header.width(), header.height()));
            tooSlow(deadline);
            String truncation = truncationWarning(warnings);
            if (decoded == null || truncation != null) {
                throw new ImageRejectedException(Reason.CORRUPT, "the image is incomplete"
                        + (truncation == null ? "" : " (" + truncation + ")"));
            }
            int orientation = header.orientation();
            byte[] thumbnail = Thumbnails.jpeg(decoded, orientation);
            return ExifOrientation.swapsSides(orientation)
                    ? new InspectedImage(type, header.height(), header.width(), thumbnail)
                    : new InspectedImage(type, header.width(), header.height(), thumbnail);
        } catch (IOException | RuntimeException e) {
            tooSlow(deadline);
            // Readers signal broken data with IIOException, but also with IllegalArgumentException,
            // IndexOutOfBoundsException and the like: all mean the same here.
            throw new ImageRejectedException(Reason.CORRUPT, "the " + type.contentType() + " image cannot be decoded");
        } finally {
            reader.dispose();
        }
    }

    private static void tooSlow(Deadline deadline) throws ImageRejectedException {
        if (deadline.expired()) {
            throw new ImageRejectedException(Reason.TOO_COMPLEX, "decoding the image took longer than "
                    + deadline.budget().toMillis() + " ms");
        }
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
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
        int step = step(width, height);
        param.setSourceSubsampling(step, step, 0, 0);
        return param;
    }

    private static int step(int width, int height) {
        return Math.max(1, Math.max(width, height) / (2 * Thumbnails.MAX_SIDE));
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
