package io.mqchat.media.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.media.images.ImageRejectedException.Reason;
import io.mqchat.media.upload.ReceivedBody;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageInspectorTest {

    private static final long MAX_PIXELS = 50_000_000L;
    private final ImageInspector inspector = new ImageInspector(MAX_PIXELS);

    private InspectedImage inspect(byte[] bytes) throws ImageRejectedException {
        return inspector.inspect(ReceivedBody.of(bytes).imageStream());
    }

    private Reason refusal(byte[] bytes) {
        return assertThrows(ImageRejectedException.class, () -> inspect(bytes)).reason();
    }

    private static BufferedImage decodeThumbnail(InspectedImage image) throws IOException {
        assertEquals(ImageType.JPEG, ImageType.sniff(image.thumbnail(), image.thumbnail().length).orElseThrow(),
                "thumbnails are JPEG");
        assertTrue(image.thumbnail().length <= Thumbnails.MAX_BYTES, image.thumbnail().length + " bytes");
        return ImageIO.read(new ByteArrayInputStream(image.thumbnail()));
    }

    @Test
    void eachAcceptedFormatIsToldByItsBytesWithItsDimensions() throws Exception {
        assertInspected(TestImages.png(120, 80, 1), ImageType.PNG, 120, 80);
        assertInspected(TestImages.jpeg(90, 60, 2), ImageType.JPEG, 90, 60);
        assertInspected(TestImages.gif(70, 50, 3), ImageType.GIF, 70, 50);
        assertInspected(TestImages.webp(), ImageType.WEBP, TestImages.WEBP_WIDTH, TestImages.WEBP_HEIGHT);
    }

    private void assertInspected(byte[] bytes, ImageType type, int width, int height) throws Exception {
        InspectedImage image = inspect(bytes);
        assertEquals(type, image.type());
        assertEquals(width, image.width());
        assertEquals(height, image.height());
        BufferedImage thumbnail = decodeThumbnail(image);
        assertEquals(width, thumbnail.getWidth(), "a small image keeps its size");
        assertEquals(height, thumbnail.getHeight());
    }

    @Test
    void aLargeImageGetsAThumbnailWithALongSideOf320() throws Exception {
        InspectedImage landscape = inspect(TestImages.jpeg(2400, 1200, 4));
        assertEquals(2400, landscape.width());
        BufferedImage thumbnail = decodeThumbnail(landscape);
        assertEquals(320, thumbnail.getWidth());
        assertEquals(160, thumbnail.getHeight());

        BufferedImage portrait = decodeThumbnail(inspect(TestImages.png(500, 1500, 5)));
        assertEquals(107, portrait.getWidth());
        assertEquals(320, portrait.getHeight());
    }

    @Test
    void aBusyImageGetsAThumbnailThatStillFitsAFewKilobytes() throws Exception {
        BufferedImage noise = new BufferedImage(900, 900, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(1);
        for (int y = 0; y < 900; y++) {
            for (int x = 0; x < 900; x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(noise, "png", png);
        BufferedImage thumbnail = decodeThumbnail(inspect(png.toByteArray()));
        assertTrue(thumbnail.getWidth() < 320, "made smaller to fit: " + thumbnail.getWidth());
    }

    @Test
    void aPhotoStoredSidewaysWithAnExifOrientationGetsAnUprightThumbnailAndDimensions() throws Exception {
        BufferedImage stored = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stored.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.BLUE);
        g.fillRect(100, 0, 100, 100);
        g.dispose();

        InspectedImage turned = inspect(TestImages.jpegWithOrientation(stored, 6)); // rotate 90 degrees clockwise
        assertEquals(100, turned.width());
        assertEquals(200, turned.height());
        BufferedImage upright = decodeThumbnail(turned);
        assertEquals(100, upright.getWidth());
        assertEquals(200, upright.getHeight());
        assertTrue(isRed(upright.getRGB(50, 20)), "the left half is on top now");
        assertTrue(isBlue(upright.getRGB(50, 180)));

        BufferedImage upsideDown = decodeThumbnail(inspect(TestImages.jpegWithOrientation(stored, 3)));
        assertEquals(200, upsideDown.getWidth());
        assertTrue(isBlue(upsideDown.getRGB(20, 50)), "turned by 180 degrees");
        assertTrue(isRed(decodeThumbnail(inspect(TestImages.jpegWithOrientation(stored, 1))).getRGB(20, 50)));
    }

    private static boolean isRed(int rgb) {
        return (rgb >> 16 & 0xff) > 200 && (rgb & 0xff) < 60;
    }

    private static boolean isBlue(int rgb) {
        return (rgb & 0xff) > 200 && (rgb >> 16 & 0xff) < 60;
    }

    @Test
    void transparentPartsOfAThumbnailAreWhite() throws Exception {
        BufferedImage thumbnail = decodeThumbnail(inspect(TestImages.transparentPng(64, 64)));
        int corner = thumbnail.getRGB(0, 0) & 0xffffff;
        assertTrue((corner >> 16 & 0xff) > 240 && (corner >> 8 & 0xff) > 240 && (corner & 0xff) > 240,
                Integer.toHexString(corner));
    }

    @Test
    void theTypeComesFromTheBytesAndAnythingElseIsUnsupported() {
        assertEquals(Reason.UNSUPPORTED_TYPE, refusal("hello, this is not an image".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Reason.UNSUPPORTED_TYPE, refusal("<svg xmlns='http://www.w3.org/2000/svg'/>"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(Reason.UNSUPPORTED_TYPE, refusal(new byte[] {'B', 'M', 0, 0, 0, 0}), "BMP is not accepted");
        assertEquals(Reason.UNSUPPORTED_TYPE, refusal(new byte[] {(byte) 0xff}));
        assertEquals(Optional.empty(), ImageType.sniff("RIFF0000WAVE".getBytes(StandardCharsets.US_ASCII), 12),
                "a RIFF file that is not WebP");
    }

    @Test
    void corruptImagesAreRefused() {
        byte[] png = TestImages.png(200, 100, 6);
        assertEquals(Reason.CORRUPT, refusal(TestImages.truncated(png, png.length / 2)), "truncated PNG");
        byte[] flipped = png.clone();
        flipped[png.length / 2] ^= 0x55;
        assertEquals(Reason.CORRUPT, refusal(flipped), "PNG with a damaged byte (its chunk CRC fails)");
        byte[] jpeg = TestImages.jpeg(200, 100, 7);
        assertEquals(Reason.CORRUPT, refusal(TestImages.truncated(jpeg, jpeg.length / 2)), "truncated JPEG");
        assertEquals(Reason.CORRUPT, refusal(TestImages.truncated(jpeg, 20)), "JPEG cut inside its header");
        byte[] gif = TestImages.gif(200, 100, 8);
        assertEquals(Reason.CORRUPT, refusal(TestImages.truncated(gif, gif.length / 2)), "truncated GIF");
        byte[] webp = TestImages.webp();
        assertEquals(Reason.CORRUPT, refusal(TestImages.truncated(webp, 40)), "truncated WebP");
        assertEquals(Reason.CORRUPT, refusal(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2}),
                "PNG signature and nothing else");
    }

    @Test
    void pixelBombsAreRefusedFromTheirHeaderWithoutDecoding() {
        // Decoding any of these would need gigabytes of memory: the refusal comes from the header alone.
        assertEquals(Reason.TOO_MANY_PIXELS, refusal(TestImages.pngBomb(100_000, 100_000)));
        assertEquals(Reason.TOO_MANY_PIXELS, refusal(TestImages.jpegBomb(60_000, 60_000)));
        assertEquals(Reason.TOO_MANY_PIXELS, refusal(TestImages.gifBomb(65_000, 65_000)));
        assertEquals(Reason.TOO_MANY_PIXELS, refusal(TestImages.webpBomb(16_000, 16_000)));
    }

    @Test
    void thePixelLimitIsConfigurable() throws Exception {
        ImageInspector strict = new ImageInspector(100 * 100);
        assertEquals(100, strict.inspect(ReceivedBody.of(TestImages.png(100, 100, 9)).imageStream()).width());
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> strict.inspect(ReceivedBody.of(TestImages.png(101, 100, 9)).imageStream()));
        assertEquals(Reason.TOO_MANY_PIXELS, e.reason());
        assertTrue(e.getMessage().contains("101 x 100"), e.getMessage());
    }
}
