package io.mqchat.media.metadata;

import io.mqchat.media.budget.Deadline;
import io.mqchat.media.images.ImageHeader;
import io.mqchat.media.upload.ReceivedBody;
import java.io.IOException;
import javax.imageio.stream.ImageInputStream;

/**
 * What an upload is stored and served as: the same image without the uploader's metadata (EXIF with its GPS
 * position and camera serial, XMP, IPTC, PNG text, comments), as WhatsApp and Signal do. JPEG, PNG and WebP lose
 * their metadata losslessly, segment by segment; a JPEG with an EXIF orientation is turned upright and encoded
 * again first ({@link UprightJpeg}). A GIF is kept as uploaded (it has no EXIF; comment blocks stay).
 */
public final class MetadataStripper {

    private static final int AS_STORED = 1;

    /**
     * The stored form of {@code body}, whose header is {@code header}; a re-encode stops when {@code deadline}
     * passes.
     *
     * @throws IOException when the image cannot be read again (it was decoded once: a time budget spent)
     */
    public StrippedImage strip(ImageHeader header, ReceivedBody body, Deadline deadline) throws IOException {
        try (ImageInputStream in = body.imageStream(deadline::expired)) {
            byte[] stored = switch (header.type()) {
                case JPEG -> header.orientation() == AS_STORED ? JpegMetadata.strip(in, body.size())
                        : UprightJpeg.encode(in, header.orientation(), deadline);
                case PNG -> PngMetadata.strip(in, body.size());
                case WEBP -> WebpMetadata.strip(in, body.size());
                case GIF -> body.stream().readAllBytes();
            };
            return StrippedImage.of(stored);
        }
    }
}
