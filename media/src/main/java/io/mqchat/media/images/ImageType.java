package io.mqchat.media.images;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The image formats the media endpoint accepts, told apart by their first bytes ("magic numbers"). */
public enum ImageType {

    JPEG("image/jpeg", "jpeg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp");

    /** How many leading bytes {@link #sniff} needs at most. */
    public static final int SNIFF_BYTES = 12;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final String contentType;
    private final String formatName;

    ImageType(String contentType, String formatName) {
        this.contentType = contentType;
        this.formatName = formatName;
    }

    /** The MIME type, as in {@code io.mqchat.protocol.MediaRef#contentType}. */
    public String contentType() {
        return contentType;
    }

    /** The ImageIO format name of its reader. */
    String formatName() {
        return formatName;
    }

    /** The format the bytes start like, if any; {@code head} holds the first {@code length} bytes. */
    public static Optional<ImageType> sniff(byte[] head, int length) {
        byte[] h = Arrays.copyOf(head, Math.min(length, head.length));
        if (h.length >= 3 && (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xd8 && (h[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (startsWith(h, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(h, 0, ascii("GIF87a")) || startsWith(h, 0, ascii("GIF89a"))) {
            return Optional.of(GIF);
        }
        if (startsWith(h, 0, ascii("RIFF")) && startsWith(h, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
