package io.mqchat.media.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.media.images.TestImages;
import io.mqchat.media.settings.DecodeLimits;
import io.mqchat.media.settings.MediaSettings;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 1: images that are cheap to send and expensive to decode are refused from their headers, before
 * any decoding: a progressive JPEG with hundreds of scans, a PNG whose one row is 50 million pixels wide.
 */
class DecodeBudgetTest extends MediaEndpointTest {

    @Test
    void aProgressiveJpegWithHundredsOfScansIsRefusedBeforeItIsDecoded() {
        byte[] jpeg = TestImages.progressiveJpeg(2000, 1500, 300);
        HttpResponse<String> response = media.upload(media.token("alice"), jpeg);
        assertEquals(422, response.statusCode(), response.body());
        assertEquals("too_complex", errorCode(response));
        assertTrue(response.body().contains("300 scans"), response.body());
        assertEquals(0, media.storedImages());
    }

    @Test
    void aProgressiveJpegWithTheUsualScansIsAccepted() {
        HttpResponse<String> response = media.upload(media.token("alice"), TestImages.progressiveJpeg(400, 300, 10));
        assertEquals(201, response.statusCode(), response.body());
    }

    @Test
    void aPngOfFiftyMillionByOnePixelsIsRefusedBeforeItsRowIsAllocated() {
        byte[] png = TestImages.pngBomb(50_000_000, 1);
        assertTrue(png.length < 4096, "a tiny file: " + png.length);
        HttpResponse<String> response = media.upload(media.token("alice"), png);
        assertEquals(422, response.statusCode(), response.body());
        assertEquals("too_complex", errorCode(response));
        assertTrue(response.body().contains("memory"), response.body());
        assertEquals(0, media.storedImages());
    }

    @Test
    void aDecodeThatOutlastsItsTimeBudgetIsStoppedAndRefused() {
        try (MediaHarness hurried = new MediaHarness(mongo(), MediaSettings.defaults().withDecoding(
                new DecodeLimits(64, DecodeLimits.DEFAULT.memoryBytes(), Duration.ofMillis(1))))) {
            HttpResponse<String> response = hurried.upload(hurried.token("alice"), TestImages.png(1400, 1000, 5));
            assertEquals(422, response.statusCode(), response.body());
            assertEquals("too_complex", errorCode(response));
            assertTrue(response.body().contains("took longer"), response.body());
            assertEquals(0, hurried.storedImages());
        }
    }
}
