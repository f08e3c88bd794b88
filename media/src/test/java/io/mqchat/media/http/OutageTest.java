package io.mqchat.media.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mqchat.media.images.TestImages;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import io.mqchat.protocol.MediaRef;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store or archive that is down is a 503 the client may retry, never a dropped connection or a 500. */
class OutageTest {

    @Test
    void whileMongoDbIsDownRequestsAre503AndAfterwardsEverythingIsThere(@TempDir Path dir) {
        EmbeddedMongo mongo = EmbeddedMongo.start(dir);
        byte[] png = TestImages.png(80, 60, 1);
        try (MediaHarness media = new MediaHarness(mongo)) {
            HttpResponse<String> uploaded = media.upload(media.token("alice"), png);
            assertEquals(201, uploaded.statusCode());
            String id = MediaEndpointTest.ref(uploaded).id();
            mongo.close();

            HttpResponse<byte[]> download = media.download(media.token("alice"), id);
            assertEquals(503, download.statusCode());
            assertEquals("unavailable", MediaEndpointTest.errorCode(download));
            assertEquals(503, media.upload(media.token("alice"), TestImages.png(80, 60, 2)).statusCode());

            mongo = mongo.startAgain();
            assertArrayEquals(png, media.download(media.token("alice"), id).body());
        } finally {
            mongo.close();
        }
    }

    @Test
    void anArchiveThatCannotSayWhoMayReadMeans503ButTheUploaderStillDownloads(@TempDir Path dir) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir); MediaHarness media = new MediaHarness(mongo)) {
            byte[] png = TestImages.png(80, 60, 3);
            MediaRef ref = MediaEndpointTest.ref(media.upload(media.token("alice"), png));
            media.shares().share(ref.id(), List.of("alice", "bob"));
            media.shares().goDown();

            assertEquals(503, media.download(media.token("bob"), ref.id()).statusCode());
            assertArrayEquals(png, media.download(media.token("alice"), ref.id()).body(), "no archive needed");

            media.clock().advance(Duration.ofDays(2));
            assertThrows(IllegalStateException.class, () -> media.service().sweepOrphans(),
                    "a sweep that cannot ask deletes nothing");
            assertEquals(1, media.storedImages());
        }
    }
}
