package io.mqchat.media.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.media.images.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Acceptance 2: oversized, non-image, corrupt and pixel-bomb uploads are refused, and nothing is stored. */
class UploadRefusalTest extends MediaEndpointTest {

    @AfterEach
    void nothingWasStored() {
        assertEquals(0, media.storedImages());
        assertEquals(0, media.storedBlobs());
        assertEquals(0, media.storedChunks());
    }

    private void assertRefused(int status, String code, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, errorCode(response), response.body());
    }

    private static byte[] pngOfAtLeast(long bytes) {
        // Random pixels do not compress: a PNG of width x height x 3 bytes and a little more.
        int side = (int) Math.sqrt(bytes / 3.0) + 8;
        BufferedImage image = new BufferedImage(side, side,
                BufferedImage.TYPE_INT_RGB);
        Random random = new Random(1);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void anImageLargerThanTheLimitIsRefused413() {
        byte[] tooLarge = pngOfAtLeast(MediaHarness.MAX_BYTES + 1);
        assertTrue(tooLarge.length > MediaHarness.MAX_BYTES);
        assertRefused(413, "too_large", media.upload(media.token("alice"), tooLarge));
    }

    @Test
    void anImageLargerThanTheLimitIsRefused413AlsoWhenItsLengthWasNotDeclared() {
        assertRefused(413, "too_large", media.uploadChunked(media.token("alice"),
                pngOfAtLeast(MediaHarness.MAX_BYTES + 1)));
    }

    @Test
    void somethingThatIsNotAnImageIsRefused415WhateverItClaims() {
        byte[] text = "GIF? no: just text pretending to be an image".getBytes(StandardCharsets.UTF_8);
        assertRefused(415, "unsupported_type", media.upload(media.token("alice"), text));
        byte[] bmp = new byte[64];
        bmp[0] = 'B';
        bmp[1] = 'M';
        assertRefused(415, "unsupported_type", media.upload(media.token("alice"), bmp));
    }

    @Test
    void aCorruptImageIsRefused400() {
        byte[] png = TestImages.png(300, 200, 1);
        assertRefused(400, "corrupt_image", media.upload(media.token("alice"), TestImages.truncated(png, png.length / 2)));
        byte[] jpeg = TestImages.jpeg(300, 200, 2);
        assertRefused(400, "corrupt_image", media.upload(media.token("alice"),
                TestImages.truncated(jpeg, jpeg.length * 2 / 3)));
    }

    @Test
    void aPixelBombIsRefused400BeforeItIsDecoded() {
        byte[] bomb = TestImages.pngBomb(100_000, 100_000);
        assertTrue(bomb.length < 4096, "a tiny file: " + bomb.length);
        HttpResponse<String> response = media.upload(media.token("alice"), bomb);
        assertRefused(400, "too_many_pixels", response);
        assertTrue(response.body().contains("100000 x 100000"), response.body());
        assertRefused(400, "too_many_pixels", media.upload(media.token("alice"), TestImages.jpegBomb(60_000, 60_000)));
    }

    @Test
    void anEmptyUploadIsRefused400() {
        assertRefused(400, "empty", media.upload(media.token("alice"), new byte[0]));
    }

    @Test
    void anUploadWithoutAValidUserTokenIsRefused() {
        byte[] png = TestImages.png(50, 50, 3);
        assertRefused(401, "unauthorized", media.upload(null, png));
        assertRefused(401, "unauthorized", media.upload("not-a-token", png));
        assertRefused(403, "forbidden", media.upload(media.serviceToken("svc-archive"), png));
    }
}
