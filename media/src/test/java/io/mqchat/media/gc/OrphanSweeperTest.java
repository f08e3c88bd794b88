package io.mqchat.media.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mqchat.media.http.MediaEndpointTest;
import io.mqchat.media.images.TestImages;
import io.mqchat.protocol.MediaRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Images nobody refers to are collected after the orphan TTL (24 h by default); referenced ones stay. */
class OrphanSweeperTest extends MediaEndpointTest {

    private static final Duration TTL = Duration.ofHours(24);

    private int download(String user, MediaRef ref) {
        return media.download(media.token(user), ref.id()).statusCode();
    }

    @Test
    void anUploadNeverSentIsCollectedAfterTheTtlAndNotBefore() {
        MediaRef ref = uploaded("alice", TestImages.png(100, 100, 1));

        media.clock().advance(TTL.minusMinutes(1));
        assertEquals(new SweepResult(0, 0), media.service().sweepOrphans());
        assertEquals(200, download("alice", ref));

        media.clock().advance(Duration.ofMinutes(2));
        assertEquals(new SweepResult(1, 0), media.service().sweepOrphans());
        assertEquals(404, download("alice", ref));
        assertEquals(0, media.storedImages());
        assertEquals(0, media.storedBlobs());
        assertEquals(0, media.storedChunks());
    }

    @Test
    void anImageAPermanentMessageCarriesIsKept() {
        MediaRef ref = uploaded("alice", TestImages.png(100, 100, 2));
        media.shares().share(ref.id(), List.of("alice", "bob"));

        media.clock().advance(TTL.multipliedBy(30));
        assertEquals(new SweepResult(0, 0), media.service().sweepOrphans());
        assertEquals(200, download("bob", ref));
    }

    @Test
    void anImageOfADisappearingMessageGoesOnceTheMessageExpired() {
        MediaRef ref = uploaded("alice", TestImages.png(100, 100, 3));
        media.shares().shareUntil(ref.id(), List.of("alice", "bob"), media.clock().instant().plus(Duration.ofDays(7)));

        media.clock().advance(Duration.ofDays(6));
        assertEquals(0, media.service().sweepOrphans().images(), "past the TTL, but its message still shows it");
        media.clock().advance(Duration.ofDays(2));
        assertEquals(1, media.service().sweepOrphans().images());
        assertEquals(404, download("alice", ref));
    }

    @Test
    void uploadingAgainRestartsTheTtl() {
        byte[] png = TestImages.png(100, 100, 4);
        MediaRef ref = uploaded("alice", png);
        media.clock().advance(TTL.minusHours(1));
        uploaded("alice", png); // the client re-uploads before sending, as an old upload may have been collected

        media.clock().advance(Duration.ofHours(2));
        assertEquals(0, media.service().sweepOrphans().images());
        assertEquals(200, download("alice", ref));
        media.clock().advance(TTL);
        assertEquals(1, media.service().sweepOrphans().images());
    }

    @Test
    void onlyUnreferencedImagesAreCollectedAmongMany() {
        MediaRef kept = uploaded("alice", TestImages.png(20, 20, 5));
        media.shares().share(kept.id(), List.of("alice", "bob"));
        for (int i = 0; i < 4; i++) {
            uploaded("alice", TestImages.png(20, 20, 10 + i));
        }
        media.clock().advance(TTL.plusMinutes(1));
        assertEquals(4, media.service().sweepOrphans().images());
        assertEquals(1, media.storedImages());
        assertEquals(1, media.storedBlobs());
        assertEquals(200, download("bob", kept));
    }
}
