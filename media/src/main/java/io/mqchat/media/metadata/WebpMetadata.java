package io.mqchat.media.metadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.stream.ImageInputStream;

/**
 * A WebP without metadata, losslessly: its RIFF chunks are copied except EXIF and XMP, the extended header's flags
 * for them are cleared, and the RIFF size is set to what is left.
 */
final class WebpMetadata {

    private static final int RIFF_HEADER = 12;
    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;

    private WebpMetadata() {
    }

    static byte[] strip(ImageInputStream in, long size) throws IOException {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, size));
        long at = RIFF_HEADER;
        byte[] type = new byte[4];
        in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
        while (at + 8 <= size) {
            in.seek(at);
            in.readFully(type);
            long length = in.readUnsignedInt();
            long end = at + 8 + length + (length & 1); // chunks are padded to an even size
            String name = new String(type, StandardCharsets.ISO_8859_1);
            if (end > size) {
                break;
            }
            if (!name.equals("EXIF") && !name.equals("XMP ")) {
                byte[] chunk = new byte[(int) (end - at)];
                in.seek(at);
                in.readFully(chunk);
                if (name.equals("VP8X")) {
                    chunk[8] &= (byte) ~(EXIF_FLAG | XMP_FLAG);
                }
                chunks.write(chunk);
            }
            at = end;
        }
        byte[] body = chunks.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(RIFF_HEADER + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(body);
        return out.array();
    }
}
