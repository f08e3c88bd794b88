package io.mqchat.media.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.media.images.TestImages;
import io.mqchat.media.upload.ReceivedBody;
import io.mqchat.protocol.MediaRef;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class UploadTest extends MediaEndpointTest {

    @Test
    void anUploadAnswersTheReferenceAChatMessageCarriesWithAThumbnail() throws Exception {
        byte[] png = TestImages.png(800, 600, 1);
        HttpResponse<String> response = media.upload(media.token("alice"), png);

        assertEquals(201, response.statusCode(), response.body());
        MediaRef ref = ref(response);
        String sha = ReceivedBody.of(png).sha256();
        assertEquals(sha, ref.id());
        assertEquals(sha, ref.sha256());
        assertEquals("image/png", ref.contentType());
        assertEquals(png.length, ref.size());
        assertEquals(800, ref.width());
        assertEquals(600, ref.height());
        assertNull(ref.problem(), "a client may send it back as it is");
        assertEquals("/media/" + sha, response.headers().firstValue("Location").orElseThrow());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());

        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(ref.thumbnail())));
        assertEquals(320, thumbnail.getWidth());
        assertEquals(240, thumbnail.getHeight());
        assertTrue(ref.thumbnail().length() < 16 * 1024, "a few KB: " + ref.thumbnail().length());
    }

    @Test
    void theTypeIsReadFromTheBytesWhateverTheContentTypeHeaderSays() {
        byte[] jpeg = TestImages.jpeg(64, 48, 2);
        HttpResponse<String> response = media.send(HttpRequest.newBuilder(media.uri("/media"))
                .header("Authorization", "Bearer " + media.token("alice"))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        assertEquals("image/jpeg", ref(response).contentType());

        MediaRef gif = uploaded("alice", TestImages.gif(30, 20, 3));
        assertEquals("image/gif", gif.contentType());
        assertEquals(30, gif.width());
        MediaRef webp = uploaded("alice", TestImages.webp());
        assertEquals("image/webp", webp.contentType());
        assertEquals(TestImages.WEBP_WIDTH, webp.width());
        assertEquals(TestImages.WEBP_HEIGHT, webp.height());
    }

    @Test
    void theSameImageUploadedTwiceIsStoredOnce() {
        byte[] png = TestImages.png(640, 480, 4);
        HttpResponse<String> first = media.upload(media.token("alice"), png);
        long chunks = media.storedChunks();
        HttpResponse<String> retry = media.upload(media.token("alice"), png);
        HttpResponse<String> bobs = media.upload(media.token("bob"), png);

        assertEquals(201, first.statusCode());
        assertEquals(200, retry.statusCode(), "a retry is idempotent");
        assertEquals(201, bobs.statusCode(), "bob is not told that somebody stored these bytes before him");
        assertEquals(first.body(), retry.body(), "the same answer, thumbnail and all");
        assertEquals(first.body(), bobs.body());
        assertEquals(1, media.storedImages());
        assertEquals(1, media.storedBlobs());
        assertEquals(chunks, media.storedChunks());
        Document stored = media.database().getCollection("media").find().first();
        assertEquals(List.of("alice", "bob"), stored.getList("uploaders", String.class));
    }

    @Test
    void concurrentUploadsOfOneImageStoreItOnce() throws Exception {
        byte[] png = TestImages.png(400, 300, 5);
        int senders = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> uploads = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                String token = media.token("user" + i);
                uploads.add(pool.submit(() -> {
                    start.await();
                    return media.upload(token, png);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> upload : uploads) {
                responses.add(upload.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(senders, responses.stream().filter(r -> r.statusCode() == 201).count(),
                "each uploader is answered as if the bytes were new: nobody learns of the others");
        Set<String> bodies = new HashSet<>();
        responses.forEach(r -> bodies.add(r.body()));
        assertEquals(1, bodies.size(), "every uploader got the same reference");
        assertEquals(1, media.storedImages());
        assertEquals(1, media.storedBlobs());
    }

    @Test
    void aChunkedUploadWithoutContentLengthIsAcceptedToo() {
        byte[] jpeg = TestImages.jpeg(300, 200, 6);
        HttpResponse<String> response = media.uploadChunked(media.token("alice"), jpeg);
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(jpeg.length, ref(response).size());
    }

    @Test
    void onlyPostIsAllowedOnTheCollectionAndOnlyGetOnAnImage() {
        HttpResponse<String> get = media.send(HttpRequest.newBuilder(media.uri("/media"))
                .header("Authorization", "Bearer " + media.token("alice")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());

        MediaRef ref = uploaded("alice", TestImages.png(10, 10, 7));
        HttpResponse<String> delete = media.send(HttpRequest.newBuilder(media.uri("/media/" + ref.id()))
                .header("Authorization", "Bearer " + media.token("alice")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, delete.statusCode());
        assertEquals(1, media.storedImages());
    }
}
