package io.mqchat.media.metadata;

import io.mqchat.media.images.JpegSegments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.stream.ImageInputStream;

/**
 * A JPEG without metadata, losslessly: the segments are copied except EXIF and XMP (APP1), IPTC and Photoshop
 * (APP13), the other application segments and comments, and anything after the end of the image. Kept: JFIF (APP0),
 * the ICC colour profile (APP2), Adobe's colour transform flag (APP14), which the pixels need to look the same.
 */
final class JpegMetadata {

    private static final int APP0 = 0xe0;
    private static final int APP2 = 0xe2;
    private static final int APP14 = 0xee;
    private static final int APP15 = 0xef;
    private static final int COM = 0xfe;

    private JpegMetadata() {
    }

    /** The JPEG {@code in} holds, its metadata segments left out. */
    static byte[] strip(ImageInputStream in, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, size));
        out.write(0xff);
        out.write(0xd8);
        long[] walked = {2, 0};
        JpegSegments.walk(in, (marker, start, end, stream) -> {
            if (keeps(marker)) {
                copy(stream, start, end, out);
            }
            walked[0] = end;
            walked[1] = marker;
            return true;
        });
        if (walked[1] != JpegSegments.EOI) {
            // Bytes the walk could not read as segments, but the decoder accepted: kept, or the image would break.
            copy(in, walked[0], size, out);
        }
        return out.toByteArray();
    }

    /** The ICC profile segments of the JPEG {@code in} holds, to carry over to a re-encoded copy. */
    static byte[] colourProfile(ImageInputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JpegSegments.walk(in, (marker, start, end, stream) -> {
            if (marker == APP2) {
                copy(stream, start, end, out);
            }
            return marker != JpegSegments.SOS;
        });
        return out.toByteArray();
    }

    private static boolean keeps(int marker) {
        boolean application = marker >= APP0 && marker <= APP15;
        return application ? marker == APP0 || marker == APP2 || marker == APP14 : marker != COM;
    }

    private static void copy(ImageInputStream in, long start, long end, ByteArrayOutputStream out) throws IOException {
        in.seek(start);
        byte[] buffer = new byte[64 * 1024];
        long left = end - start;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
