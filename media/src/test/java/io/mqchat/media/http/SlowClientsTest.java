package io.mqchat.media.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.media.images.TestImages;
import io.mqchat.media.settings.HttpLimits;
import io.mqchat.media.settings.MediaSettings;
import io.mqchat.media.upload.ReceivedBody;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import io.mqchat.protocol.MediaRef;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 1: clients that send slowly, with or without a token, hold no thread another user's download
 * needs. The timeouts only detect a hang; nothing here measures how fast the download is.
 */
class SlowClientsTest extends MediaEndpointTest {

    private static final Duration HANG = Duration.ofSeconds(30);
    private final List<SlowClient> slow = new ArrayList<>();

    @AfterEach
    void closeSlowClients() throws Exception {
        for (SlowClient client : slow) {
            client.close();
        }
    }

    @Test
    void connectionsDribblingHeaderBytesDoNotBlockAnotherUsersDownload() throws Exception {
        MediaRef ref = uploaded("alice", TestImages.png(120, 80, 1));
        for (int i = 0; i < 40; i++) {
            slow.add(SlowClient.header(media.uri(""), 500));
        }
        aliceStillDownloads(ref);
    }

    @Test
    void slowUploadsDoNotBlockAnotherUsersDownload() throws Exception {
        MediaRef ref = uploaded("alice", TestImages.png(120, 80, 2));
        for (int i = 0; i < 12; i++) {
            slow.add(SlowClient.upload(media.uri(""), media.token("slow" + i), 100_000, 500));
        }
        aliceStillDownloads(ref);
    }

    private void aliceStillDownloads(MediaRef ref) throws InterruptedException {
        for (SlowClient client : slow) {
            client.awaitStarted();
        }
        HttpResponse<byte[]> download = assertTimeoutPreemptively(HANG, () -> media.download(media.token("alice"),
                ref.id()));
        assertEquals(200, download.statusCode());
        assertEquals(ref.sha256(), ReceivedBody.of(download.body()).sha256());
    }

    @Test
    void aConnectionThatNeverCompletesItsHeaderIsClosed() throws Exception {
        try (MediaHarness strict = new MediaHarness(mongo(), MediaSettings.defaults().withHttp(
                new HttpLimits(32, 512, Duration.ofMillis(300), Duration.ofSeconds(30), 8192, 8)))) {
            SlowClient client = SlowClient.header(strict.uri(""), 50);
            slow.add(client);
            assertTimeoutPreemptively(HANG, () -> awaitDropped(client));
        }
    }

    @Test
    void anUploadThatTricklesBelowTheMinimumRateIsCutOff() throws Exception {
        try (MediaHarness strict = new MediaHarness(mongo(), MediaSettings.defaults().withHttp(
                new HttpLimits(32, 512, Duration.ofMillis(300), Duration.ofSeconds(30), 1024 * 1024, 8)))) {
            SlowClient client = SlowClient.upload(strict.uri(""), strict.token("slow"), 100_000, 50);
            slow.add(client);
            assertTimeoutPreemptively(HANG, () -> awaitDropped(client));
        }
    }

    private static void awaitDropped(SlowClient client) throws InterruptedException {
        while (!client.droppedByServer()) {
            Thread.sleep(50);
        }
        assertTrue(client.droppedByServer());
    }
}
