package io.mqchat.media.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Images for tests, made on the spot with ImageIO (WebP, which ImageIO cannot write, from a committed sample). */
public final class TestImages {

    /** The committed WebP sample's size. */
    public static final int WEBP_WIDTH = 48;
    public static final int WEBP_HEIGHT = 32;

    private TestImages() {
    }

    /**
     * A {@code width} x {@code height} picture with smooth colour gradients and a few shapes, about as busy as a
     * photo; {@code seed} makes different pictures.
     */
    public static BufferedImage picture(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int red = (x * 255 / width + seed * 40) & 0xff;
                int green = (y * 255 / height + seed * 70) & 0xff;
                image.setRGB(x, y, red << 16 | green << 8 | ((seed * 30) & 0xff));
            }
        }
        Graphics2D g = image.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillOval(width / 4, height / 4, width / 3, height / 3);
        g.setColor(Color.WHITE);
        g.fillRect(width / 2, height / 2, width / 5, height / 6);
        g.dispose();
        return image;
    }

    public static byte[] png(int width, int height, int seed) {
        return encode(picture(width, height, seed), "png");
    }

    public static byte[] jpeg(int width, int height, int seed) {
        return encode(picture(width, height, seed), "jpeg");
    }

    public static byte[] gif(int width, int height, int seed) {
        return encode(picture(width, height, seed), "gif");
    }

    /** A PNG with a transparent background and an opaque square in the middle. */
    public static byte[] transparentPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return encode(image, "png");
    }

    /** The committed 48 x 32 lossy WebP (made with cwebp). */
    public static byte[] webp() {
        try (InputStream in = TestImages.class.getResourceAsStream("sample-48x32.webp")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A valid, tiny PNG whose header claims {@code width} x {@code height} pixels: its image data is a few hundred
     * bytes of zlib that would inflate to width x height x 3 bytes. Decoding it would take gigabytes.
     */
    public static byte[] pngBomb(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[1 << 20]);
        deflater.finish();
        byte[] idat = new byte[4096];
        int length = deflater.deflate(idat);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        out.writeBytes(pngChunk("IHDR", ihdr.array()));
        out.writeBytes(pngChunk("IDAT", Arrays.copyOf(idat, length)));
        out.writeBytes(pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /** A real small JPEG whose frame header (SOF0) is rewritten to claim {@code width} x {@code height}. */
    public static byte[] jpegBomb(int width, int height) {
        byte[] jpeg = jpeg(64, 48, 1);
        for (int i = 2; i < jpeg.length - 9; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
                // FF C0, length (2), precision (1), height (2), width (2)
                putShort(jpeg, i + 5, height);
                putShort(jpeg, i + 7, width);
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF0 marker in the JPEG");
    }

    /** A real small GIF whose screen and first image descriptor are rewritten to claim {@code width} x {@code height}. */
    public static byte[] gifBomb(int width, int height) {
        byte[] gif = gif(64, 48, 1);
        putShortLittleEndian(gif, 6, width);
        putShortLittleEndian(gif, 8, height);
        for (int i = 13; i < gif.length - 9; i++) {
            // Image descriptor: 0x2C, left (2), top (2), width (2), height (2), all little-endian; ImageIO writes
            // the frame at 0,0, which tells the descriptor from colour table bytes.
            if ((gif[i] & 0xff) == 0x2c && gif[i + 1] == 0 && gif[i + 2] == 0 && gif[i + 3] == 0 && gif[i + 4] == 0) {
                putShortLittleEndian(gif, i + 5, width);
                putShortLittleEndian(gif, i + 7, height);
                return gif;
            }
        }
        throw new IllegalStateException("no image descriptor in the GIF");
    }

    /** The WebP sample with its VP8 frame header rewritten to claim {@code width} x {@code height} (at most 16383). */
    public static byte[] webpBomb(int width, int height) {
        byte[] webp = webp();
        // RIFF header (12), "VP8 " chunk header (8), frame tag (3), start code 9D 01 2A (3), then 14-bit sizes.
        putShortLittleEndian(webp, 26, width & 0x3fff);
        putShortLittleEndian(webp, 28, height & 0x3fff);
        return webp;
    }

    /** A JPEG of {@code image} with an EXIF segment saying {@code orientation} (1-8), after its JFIF segment. */
    public static byte[] jpegWithOrientation(BufferedImage image, int orientation) {
        byte[] jpeg = encode(image, "jpeg");
        // TIFF structure, big-endian: header, one IFD with one entry (0x0112, SHORT, count 1, value), no next IFD.
        ByteBuffer tiff = ByteBuffer.allocate(26).put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0);
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer app1 = ByteBuffer.allocate(4 + exif.length + tiff.capacity()).put((byte) 0xff).put((byte) 0xe1)
                .putShort((short) (2 + exif.length + tiff.capacity())).put(exif).put(tiff.array());
        int afterJfif = 4 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, afterJfif);
        out.writeBytes(app1.array());
        out.write(jpeg, afterJfif, jpeg.length - afterJfif);
        return out.toByteArray();
    }

    /**
     * A progressive JPEG whose last scan is repeated until it has {@code scans} scans: a few kilobytes that make a
     * decoder walk the whole image once per scan.
     */
    public static byte[] progressiveJpeg(int width, int height, int scans) {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(encoded)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(picture(width, height, 4), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = encoded.toByteArray();
        int end = jpeg.length - 2; // EOI
        List<Integer> starts = new ArrayList<>();
        for (int i = 2; i < end - 1; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xda) {
                starts.add(i);
            }
        }
        starts.add(end);
        // The shortest scan (a scan runs to the next marker that is not a restart marker; ImageIO writes none).
        int shortest = 0;
        for (int i = 1; i < starts.size() - 1; i++) {
            if (scanEnd(jpeg, starts.get(i)) - starts.get(i) < scanEnd(jpeg, starts.get(shortest)) - starts.get(shortest)) {
                shortest = i;
            }
        }
        int from = starts.get(shortest);
        int to = scanEnd(jpeg, from);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, end);
        for (int i = starts.size() - 1; i < scans; i++) {
            out.write(jpeg, from, to - from);
        }
        out.write(jpeg, end, 2);
        return out.toByteArray();
    }

    private static int scanEnd(byte[] jpeg, int sos) {
        for (int i = sos + 2; i < jpeg.length - 1; i++) {
            if ((jpeg[i] & 0xff) == 0xff && jpeg[i + 1] != 0) {
                return i;
            }
        }
        return jpeg.length;
    }

    /**
     * A JPEG of {@code image} as a phone writes it: an EXIF segment with {@code orientation}, the camera's serial
     * number (tag 0xA431) and a GPS position (north 48 degrees 51 minutes), plus an XMP segment naming the serial.
     */
    public static byte[] phoneJpeg(BufferedImage image, int orientation, String serial) {
        byte[] jpeg = encode(image, "jpeg");
        byte[] serialBytes = (serial + "\0").getBytes(StandardCharsets.US_ASCII);
        // Big-endian TIFF: IFD0 at 8 with 3 entries (orientation, GPS IFD pointer, serial), then the GPS IFD with
        // 2 entries (latitude reference, latitude as three rationals), then the data the entries point to.
        int ifd0 = 8;
        int gpsIfd = ifd0 + 2 + 3 * 12 + 4;
        int latitude = gpsIfd + 2 + 2 * 12 + 4;
        int serialAt = latitude + 24;
        ByteBuffer tiff = ByteBuffer.allocate(serialAt + serialBytes.length)
                .put(new byte[] {'M', 'M', 0, 42}).putInt(ifd0)
                .putShort((short) 3)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd)
                .putShort((short) 0xa431).putShort((short) 2).putInt(serialBytes.length).putInt(serialAt)
                .putInt(0)
                .putShort((short) 2)
                .putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0})
                .putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(latitude)
                .putInt(0)
                .putInt(48).putInt(1).putInt(51).putInt(1).putInt(0).putInt(1)
                .put(serialBytes);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        byte[] xmp = concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII),
                ("<x:xmpmeta><aux:SerialNumber>" + serial + "</aux:SerialNumber></x:xmpmeta>")
                        .getBytes(StandardCharsets.US_ASCII));
        int afterJfif = 4 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, afterJfif);
        out.writeBytes(jpegSegment(0xe1, exif));
        out.writeBytes(jpegSegment(0xe1, xmp));
        out.write(jpeg, afterJfif, jpeg.length - afterJfif);
        return out.toByteArray();
    }

    /** A PNG of {@code image} with a text chunk and an EXIF chunk, both naming {@code serial}, before its data. */
    public static byte[] pngWithMetadata(BufferedImage image, String serial) {
        byte[] png = encode(image, "png");
        int afterIhdr = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        out.writeBytes(pngChunk("tEXt", ("Comment\0" + serial).getBytes(StandardCharsets.ISO_8859_1)));
        out.writeBytes(pngChunk("eXIf", concat(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0},
                serial.getBytes(StandardCharsets.US_ASCII))));
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    private static byte[] jpegSegment(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).put((byte) 0xff).put((byte) marker)
                .putShort((short) (2 + payload.length)).put(payload).array();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** {@code image} cut short after {@code keep} bytes. */
    public static byte[] truncated(byte[] image, int keep) {
        return Arrays.copyOf(image, keep);
    }

    private static byte[] pngChunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data).putInt((int) crc.getValue())
                .array();
    }

    private static void putShort(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >> 8);
        bytes[at + 1] = (byte) value;
    }

    private static void putShortLittleEndian(byte[] bytes, int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >> 8);
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
