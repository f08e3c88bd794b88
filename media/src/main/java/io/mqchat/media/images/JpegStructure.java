package io.mqchat.media.images;

import java.io.IOException;
import javax.imageio.stream.ImageInputStream;

/**
 * What a JPEG's markers say about the cost of decoding it. A progressive JPEG makes the decoder keep every
 * coefficient of the whole image (two bytes for each of 64 per 8 x 8 block of each component) and walk them once
 * per scan, so a file of a few kilobytes with hundreds of tiny scans can keep a core busy for hours.
 *
 * @param progressive      its frame is progressive (SOF2, SOF6, SOF10, SOF14)
 * @param scans            how many scans (SOS markers) it has
 * @param coefficientBytes the memory a progressive decode holds for the coefficients
 */
record JpegStructure(boolean progressive, int scans, long coefficientBytes) {

    private static final int COEFFICIENT_BYTES_PER_BLOCK = 64 * 2;

    /** Reads the markers of the JPEG {@code in} holds; rewinds it. */
    static JpegStructure of(ImageInputStream in) throws IOException {
        Counter counter = new Counter();
        try {
            JpegSegments.walk(in, counter);
        } finally {
            in.seek(0);
        }
        return new JpegStructure(counter.progressive, counter.scans, counter.coefficientBytes);
    }

    private static boolean isFrame(int marker) {
        return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
    }

    private static final class Counter implements JpegSegments.Visitor {
        boolean progressive;
        int scans;
        long coefficientBytes;

        @Override
        public boolean segment(int marker, long start, long end, ImageInputStream in) throws IOException {
            if (marker == JpegSegments.SOS) {
                scans++;
            } else if (isFrame(marker) && coefficientBytes == 0) {
                progressive = marker == 0xc2 || marker == 0xc6 || marker == 0xca || marker == 0xce;
                in.seek(start + 5);
                coefficientBytes = coefficients(in);
            }
            return true;
        }

        /** Frame header after its length and precision: height, width, components with their sampling factors. */
        private static long coefficients(ImageInputStream in) throws IOException {
            int height = in.readUnsignedShort();
            int width = in.readUnsignedShort();
            int components = in.readUnsignedByte();
            int[] horizontal = new int[components];
            int[] vertical = new int[components];
            int maxH = 1;
            int maxV = 1;
            for (int i = 0; i < components; i++) {
                in.readUnsignedByte();
                int sampling = in.readUnsignedByte();
                horizontal[i] = Math.max(1, sampling >> 4);
                vertical[i] = Math.max(1, sampling & 0x0f);
                in.readUnsignedByte();
                maxH = Math.max(maxH, horizontal[i]);
                maxV = Math.max(maxV, vertical[i]);
            }
            long bytes = 0;
            for (int i = 0; i < components; i++) {
                long blocksAcross = ceil(ceil((long) width * horizontal[i], maxH), 8);
                long blocksDown = ceil(ceil((long) height * vertical[i], maxV), 8);
                bytes += blocksAcross * blocksDown * COEFFICIENT_BYTES_PER_BLOCK;
            }
            return bytes;
        }

        private static long ceil(long value, long divisor) {
            return (value + divisor - 1) / divisor;
        }
    }
}
