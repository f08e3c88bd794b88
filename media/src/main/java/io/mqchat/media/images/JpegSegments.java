package io.mqchat.media.images;

import java.io.IOException;
import javax.imageio.stream.ImageInputStream;

/**
 * Walks the segments of a JPEG without decoding anything: each marker with where its segment starts and ends. A
 * scan (SOS) runs to the next marker after its entropy-coded data, found by looking for a 0xFF byte that is neither
 * stuffing (0xFF00) nor a restart marker. Costs one pass over the bytes and no memory beyond a buffer.
 */
public final class JpegSegments {

    public static final int SOS = 0xda;
    public static final int EOI = 0xd9;
    private static final int BUFFER = 64 * 1024;

    /** Told about each segment in file order; answers whether to go on. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * @param marker the marker's second byte (0xE1 for APP1, 0xDA for SOS, ...)
         * @param start  where the segment's 0xFF is
         * @param end    the first byte after the segment (after a scan's entropy-coded data)
         * @param in     the JPEG, free to seek in: the walk seeks to {@code end} afterwards
         */
        boolean segment(int marker, long start, long end, ImageInputStream in) throws IOException;
    }

    private JpegSegments() {
    }

    /** Walks the JPEG {@code in} holds from its start (after SOI) until EOI, malformed data or the visitor stops. */
    public static void walk(ImageInputStream in, Visitor visitor) throws IOException {
        long at = 2;
        while (true) {
            in.seek(at);
            if (in.read() != 0xff) {
                return;
            }
            int marker = in.read();
            while (marker == 0xff) {
                marker = in.read();
            }
            if (marker < 0) {
                return;
            }
            long afterMarker = in.getStreamPosition();
            long end;
            if (marker == EOI || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                end = afterMarker;
            } else {
                int length = in.readUnsignedShort();
                if (length < 2) {
                    return;
                }
                end = marker == SOS ? entropyEnd(in, afterMarker + length) : afterMarker + length;
            }
            if (!visitor.segment(marker, at, end, in) || marker == EOI) {
                return;
            }
            at = end;
        }
    }

    /** Where the entropy-coded data starting at {@code from} ends: at the next real marker, or the end of data. */
    private static long entropyEnd(ImageInputStream in, long from) throws IOException {
        in.seek(from);
        byte[] buffer = new byte[BUFFER];
        long position = from;
        boolean afterFf = false;
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xff;
                if (afterFf && b != 0x00 && b != 0xff && (b < 0xd0 || b > 0xd7)) {
                    return position + i - 1;
                }
                afterFf = b == 0xff;
            }
            position += n;
        }
        return position;
    }
}
