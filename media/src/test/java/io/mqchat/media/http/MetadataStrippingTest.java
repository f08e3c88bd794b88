package io.mqchat.media.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.media.images.TestImages;
import io.mqchat.media.upload.ReceivedBody;
import io.mqchat.protocol.MediaRef;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 2: what a recipient downloads carries none of the uploader's metadata (EXIF with the GPS position
 * and the camera's serial, XMP, PNG text), and a photo stored sideways with an EXIF orientation comes out upright.
 */
class MetadataStrippingTest extends MediaEndpointTest {

    private static final String SERIAL = "CAM-SERIAL-004217";

    @Test
    void aPhoneJpegIsDownloadedUprightWithoutExifGpsOrSerial() throws IOException {
        BufferedImage sensor = TestImages.picture(300, 200, 1); // stored sideways: orientation 6 turns it upright
        byte[] upload = TestImages.phoneJpeg(sensor, 6, SERIAL);
        assertTrue(contains(upload, "Exif\0\0") && contains(upload, SERIAL), "the upload carries them");

        byte[] download = downloadedByBob(uploaded("alice", upload));

        assertFalse(contains(download, "Exif"), "no EXIF segment");
        assertFalse(contains(download, SERIAL), "no camera serial");
        assertFalse(contains(download, "http://ns.adobe.com/xap"), "no XMP");
        assertFalse(containsGpsLatitudeTag(download), "no GPS tags");
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(download));
        assertEquals(200, shown.getWidth(), "turned a quarter: the sides swapped");
        assertEquals(300, shown.getHeight());
    }

    @Test
    void aPngIsDownloadedWithoutItsTextAndExifChunks() throws IOException {
        BufferedImage picture = TestImages.picture(120, 80, 2);
        byte[] upload = TestImages.pngWithMetadata(picture, SERIAL);

        byte[] download = downloadedByBob(uploaded("alice", upload));

        assertFalse(contains(download, SERIAL));
        assertFalse(contains(download, "tEXt"));
        assertFalse(contains(download, "eXIf"));
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(download));
        assertEquals(picture.getRGB(60, 40), shown.getRGB(60, 40), "the same pixels, not re-encoded");
    }

    @Test
    void theReferenceDescribesTheBytesRecipientsGet() {
        byte[] upload = TestImages.phoneJpeg(TestImages.picture(300, 200, 3), 6, SERIAL);
        MediaRef ref = uploaded("alice", upload);
        byte[] download = downloadedByBob(ref);
        assertEquals(download.length, ref.size());
        assertEquals(ReceivedBody.of(download).sha256(), ref.sha256(), "the hash a client checks its download with");
        assertEquals(200, ref.width());
        assertEquals(300, ref.height());
    }

    private byte[] downloadedByBob(MediaRef ref) {
        media.shares().share(ref.id(), List.of("alice", "bob"));
        HttpResponse<byte[]> download = media.download(media.token("bob"), ref.id());
        assertEquals(200, download.statusCode());
        return download.body();
    }

    private static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    /** The GPS IFD's latitude entry as TestImages writes it: tag 0x0002, type RATIONAL, count 3. */
    private static boolean containsGpsLatitudeTag(byte[] bytes) {
        return contains(bytes, new String(new byte[] {0, 2, 0, 5, 0, 0, 0, 3}, StandardCharsets.ISO_8859_1));
    }
}
