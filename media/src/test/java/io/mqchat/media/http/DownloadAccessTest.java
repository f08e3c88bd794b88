package io.mqchat.media.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.media.images.TestImages;
import io.mqchat.media.upload.ReceivedBody;
import io.mqchat.protocol.MediaRef;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Acceptance 3: only the uploader and members of a conversation the image was shared in may download it. */
class DownloadAccessTest extends MediaEndpointTest {

    @Test
    void theUploaderAndAnAuthorizedReaderDownloadIdenticalBytes() {
        byte[] png = TestImages.png(500, 400, 1);
        MediaRef ref = uploaded("alice", png);
        media.shares().share(ref.id(), List.of("alice", "bob"));

        for (String user : List.of("alice", "bob")) {
            HttpResponse<byte[]> download = media.download(media.token(user), ref.id());
            assertEquals(200, download.statusCode(), user);
            assertArrayEquals(png, download.body(), user);
            assertEquals(ref.sha256(), ReceivedBody.of(download.body()).sha256(), "the hash a client checks");
            assertEquals("image/png", download.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(String.valueOf(png.length), download.headers().firstValue("Content-Length").orElseThrow());
        }
    }

    @Test
    void malloryOutsideTheConversationGetsTheSameNotFoundAsForAnImageThatDoesNotExist() {
        MediaRef ref = uploaded("alice", TestImages.jpeg(200, 100, 2));
        media.shares().share(ref.id(), List.of("alice", "bob"));

        HttpResponse<byte[]> mallory = media.download(media.token("mallory"), ref.id());
        HttpResponse<byte[]> missing = media.download(media.token("mallory"), "0".repeat(64));
        assertEquals(404, mallory.statusCode());
        assertEquals(404, missing.statusCode());
        assertArrayEquals(missing.body(), mallory.body(), "nothing tells the two apart");
        assertEquals(mallory.headers().firstValue("ETag"), missing.headers().firstValue("ETag"));
    }

    @Test
    void withoutATokenOrWithABadOneNobodyDownloads() {
        MediaRef ref = uploaded("alice", TestImages.png(60, 40, 3));
        media.shares().share(ref.id(), List.of("alice", "bob"));

        HttpResponse<byte[]> anonymous = media.download(null, ref.id());
        assertEquals(401, anonymous.statusCode());
        assertEquals("unauthorized", errorCode(anonymous));
        assertEquals("Bearer realm=\"mqchat\"", anonymous.headers().firstValue("WWW-Authenticate").orElseThrow());
        String forged = new TokenMinter("another-secret-0123456789abcdef-0123456789", Clock.systemUTC())
                .mint("bob", Duration.ofHours(1));
        assertEquals(401, media.download(forged, ref.id()).statusCode(), "signed with another secret");
        String expired = new TokenMinter(MediaHarness.SECRET, Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)))
                .mint("bob", Duration.ofHours(1));
        assertEquals(401, media.download(expired, ref.id()).statusCode(), "expired an hour ago");
        assertEquals(401, media.download("garbage", ref.id()).statusCode());
        assertEquals(403, media.download(media.serviceToken("svc-archive"), ref.id()).statusCode(),
                "service accounts do not read images");
    }

    @Test
    void aMemberMayReadOnlyWhileTheMessageThatSharedItHasNotExpired() {
        MediaRef ref = uploaded("alice", TestImages.gif(40, 40, 4));
        assertEquals(404, media.download(media.token("bob"), ref.id()).statusCode(), "not shared yet");

        media.shares().shareUntil(ref.id(), List.of("alice", "bob"), media.clock().instant().plus(Duration.ofHours(24)));
        assertEquals(200, media.download(media.token("bob"), ref.id()).statusCode());

        media.clock().advance(Duration.ofHours(25));
        assertEquals(404, media.download(media.token("bob"), ref.id()).statusCode(), "the message expired");
        assertEquals(200, media.download(media.token("alice"), ref.id()).statusCode(), "the uploader still may");
    }

    @Test
    void aSecondUploaderMayDownloadWithoutAnyShare() {
        byte[] png = TestImages.png(30, 30, 5);
        MediaRef ref = uploaded("alice", png);
        uploaded("carol", png);
        assertArrayEquals(png, media.download(media.token("carol"), ref.id()).body());
    }

    @Test
    void aPathThatIsNoMediaIdIsNotFound() {
        assertEquals(404, media.download(media.token("alice"), "../etc/passwd").statusCode());
        assertEquals(404, media.download(media.token("alice"), "ABC").statusCode());
        assertEquals(401, media.download(null, "ABC").statusCode(), "authentication comes first");
    }
}
