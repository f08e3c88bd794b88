package io.mqchat.media.metadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.imageio.stream.ImageInputStream;

/**
 * A PNG without metadata, losslessly: only the chunks that make the picture are copied (the image data, palette,
 * transparency, colour and gamma information, animation frames), up to IEND. Text (tEXt, zTXt, iTXt, where XMP
 * lives), EXIF (eXIf), timestamps and unknown chunks are left out.
 */
final class PngMetadata {

    private static final int SIGNATURE = 8;
    private static final Set<String> PICTURE = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA",
            "iCCP", "sBIT", "sRGB", "cICP", "mDCV", "cLLI", "bKGD", "pHYs", "acTL", "fcTL", "fdAT");

    private PngMetadata() {
    }

    static byte[] strip(ImageInputStream in, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, size));
        byte[] signature = new byte[SIGNATURE];
        in.seek(0);
        in.readFully(signature);
        out.write(signature);
        long at = SIGNATURE;
        byte[] type = new byte[4];
        while (at + 12 <= size) {
            in.seek(at);
            long length = in.readUnsignedInt();
            in.readFully(type);
            long end = at + 12 + length;
            String name = new String(type, StandardCharsets.ISO_8859_1);
            if (end > size) {
                break;
            }
            if (PICTURE.contains(name)) {
                byte[] chunk = new byte[(int) (end - at)];
                in.seek(at);
                in.readFully(chunk);
                out.write(chunk);
            }
            if (name.equals("IEND")) {
                break;
            }
            at = end;
        }
        return out.toByteArray();
    }
}
