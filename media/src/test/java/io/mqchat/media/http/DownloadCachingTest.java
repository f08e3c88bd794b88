package io.mqchat.media.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mqchat.media.images.TestImages;
import io.mqchat.protocol.MediaRef;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Downloads are cacheable forever (the id is the hash) and resumable (byte ranges). */
class DownloadCachingTest extends MediaEndpointTest {

    private byte[] jpeg;
    private MediaRef ref;
    private String token;

    @BeforeEach
    void upload() {
        jpeg = TestImages.jpeg(1200, 900, 1);
        ref = uploaded("alice", jpeg);
        token = media.token("alice");
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void theEtagIsTheHashAndAMatchingIfNoneMatchGets304WithoutABody() {
        HttpResponse<byte[]> full = media.download(token, ref.id());
        assertEquals("\"" + ref.sha256() + "\"", header(full, "ETag"));
        assertEquals("private, max-age=31536000, immutable", header(full, "Cache-Control"));
        assertEquals("bytes", header(full, "Accept-Ranges"));

        HttpResponse<byte[]> again = media.download(token, ref.id(), "If-None-Match", header(full, "ETag"));
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(header(full, "ETag"), header(again, "ETag"));

        HttpResponse<byte[]> other = media.download(token, ref.id(), "If-None-Match", "\"" + "0".repeat(64) + "\"");
        assertEquals(200, other.statusCode());
        assertArrayEquals(jpeg, other.body());
    }

    @Test
    void aRangeIsServedAs206WithItsContentRange() {
        HttpResponse<byte[]> head = media.download(token, ref.id(), "Range", "bytes=0-99");
        assertEquals(206, head.statusCode());
        assertArrayEquals(Arrays.copyOfRange(jpeg, 0, 100), head.body());
        assertEquals("bytes 0-99/" + jpeg.length, header(head, "Content-Range"));
        assertEquals("100", header(head, "Content-Length"));

        int from = jpeg.length / 2;
        HttpResponse<byte[]> rest = media.download(token, ref.id(), "Range", "bytes=" + from + "-");
        assertEquals(206, rest.statusCode());
        assertArrayEquals(Arrays.copyOfRange(jpeg, from, jpeg.length), rest.body(), "resuming a download");

        HttpResponse<byte[]> tail = media.download(token, ref.id(), "Range", "bytes=-10");
        assertArrayEquals(Arrays.copyOfRange(jpeg, jpeg.length - 10, jpeg.length), tail.body());
        assertEquals("bytes " + (jpeg.length - 10) + "-" + (jpeg.length - 1) + "/" + jpeg.length,
                header(tail, "Content-Range"));
    }

    @Test
    void aRangePastTheEndIs416() {
        HttpResponse<byte[]> response = media.download(token, ref.id(), "Range", "bytes=" + jpeg.length + "-");
        assertEquals(416, response.statusCode());
        assertEquals("bytes */" + jpeg.length, header(response, "Content-Range"));
    }

    @Test
    void aRangeForAnotherVersionOrSeveralRangesGetTheWholeImage() {
        HttpResponse<byte[]> stale = media.download(token, ref.id(), "Range", "bytes=0-9", "If-Range", "\"other\"");
        assertEquals(200, stale.statusCode());
        assertArrayEquals(jpeg, stale.body());

        HttpResponse<byte[]> current = media.download(token, ref.id(), "Range", "bytes=0-9", "If-Range",
                "\"" + ref.sha256() + "\"");
        assertEquals(206, current.statusCode());

        HttpResponse<byte[]> several = media.download(token, ref.id(), "Range", "bytes=0-9,20-29");
        assertEquals(200, several.statusCode());
        assertArrayEquals(jpeg, several.body());
    }
}
