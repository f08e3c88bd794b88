package io.mqchat.media.metadata;

import io.mqchat.media.budget.Deadline;
import io.mqchat.media.images.Thumbnails;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A JPEG whose EXIF orientation is applied to its pixels: decoded whole, turned, encoded again (quality 0.92) with
 * only its colour profile carried over. Without the EXIF segment a viewer would otherwise show the photo as the
 * sensor saw it, sideways; turning a JPEG losslessly would need a transcoder in the DCT domain, which ImageIO lacks.
 * The memory it takes (the decoded and the turned image) is reserved before it starts (DecodeCost).
 */
final class UprightJpeg {

    private static final float QUALITY = 0.92f;

    private UprightJpeg() {
    }

    static byte[] encode(ImageInputStream in, int orientation, Deadline deadline) throws IOException {
        byte[] profile = JpegMetadata.colourProfile(in);
        in.seek(0);
        BufferedImage stored = decode(in, deadline);
        BufferedImage upright = turn(stored, orientation);
        return withProfile(Thumbnails.encode(upright, QUALITY), profile);
    }

    private static BufferedImage decode(ImageInputStream in, Deadline deadline) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        deadline.onExpiry(reader::abort);
        try {
            reader.setInput(in, true, true);
            BufferedImage image = reader.read(0);
            if (deadline.expired()) {
                throw new IOException("the time budget is spent");
            }
            return image;
        } finally {
            reader.dispose();
        }
    }

    /** {@code image} turned and mirrored as EXIF orientation 2-8 says (1 is as stored). */
    static BufferedImage turn(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        boolean swap = orientation >= 5 && orientation <= 8;
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = turned.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, transform, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    /** {@code jpeg} with {@code profile} (whole APP2 segments) right after its JFIF segment. */
    private static byte[] withProfile(byte[] jpeg, byte[] profile) {
        if (profile.length == 0) {
            return jpeg;
        }
        int afterJfif = 4 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + profile.length);
        out.write(jpeg, 0, afterJfif);
        out.writeBytes(profile);
        out.write(jpeg, afterJfif, jpeg.length - afterJfif);
        return out.toByteArray();
    }
}
