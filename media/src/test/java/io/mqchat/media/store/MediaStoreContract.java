package io.mqchat.media.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.mqchat.media.upload.ReceivedBody;
import io.mqchat.protocol.MediaRef;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * What {@link GridFsMediaStore} must do on every MongoDB it runs on; each server's test extends this with a fresh,
 * empty database per test.
 */
public abstract class MediaStoreContract {

    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    /** A fresh, empty database. */
    protected abstract MongoDatabase database();

    private MongoDatabase db;
    private MediaStore store;

    private MediaStore store() {
        if (store == null) {
            db = database();
            store = new GridFsMediaStore(db);
            store.ensureIndexes();
        }
        return store;
    }

    private static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static MediaRef ref(byte[] bytes) {
        String sha = ReceivedBody.of(bytes).sha256();
        return new MediaRef(sha, "image/png", bytes.length, 10, 20, sha, "AAAA");
    }

    private long files() {
        return db.getCollection("media.files").countDocuments();
    }

    private long chunks() {
        return db.getCollection("media.chunks").countDocuments();
    }

    private byte[] read(StoredMedia media, long offset) throws Exception {
        try (InputStream in = store().open(media, offset).orElseThrow()) {
            return in.readAllBytes();
        }
    }

    @Test
    void savedBytesAreFoundByTheirHashAndReadBackFromAnyOffset() throws Exception {
        byte[] bytes = bytes(700_000, 1); // three GridFS chunks
        MediaRef ref = ref(bytes);
        Saved saved = store().save(ref, new ByteArrayInputStream(bytes), "alice", T0);

        assertTrue(saved.created());
        StoredMedia found = store().find(ref.id()).orElseThrow();
        assertEquals(ref, found.ref());
        assertEquals(List.of("alice"), found.uploaders());
        assertEquals(T0, found.uploaded());
        assertEquals(T0, found.lastUploaded());
        assertEquals(saved.media(), found);
        assertArrayEquals(bytes, read(found, 0));
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 600_001, bytes.length), read(found, 600_001),
                "a read from an offset in the third chunk");
        assertTrue(store().find(ref(bytes(10, 2)).id()).isEmpty());
    }

    @Test
    void theSameBytesSavedAgainAreStoredOnceWithBothUploaders() {
        byte[] bytes = bytes(300_000, 3);
        MediaRef ref = ref(bytes);
        store().save(ref, new ByteArrayInputStream(bytes), "alice", T0);
        long chunksOfOneCopy = chunks();
        Saved again = store().save(ref, new ByteArrayInputStream(bytes), "bob", T0.plusSeconds(60));

        assertFalse(again.created());
        assertEquals(List.of("alice", "bob"), again.media().uploaders());
        assertEquals(T0, again.media().uploaded());
        assertEquals(T0.plusSeconds(60), again.media().lastUploaded());
        assertEquals(1, files());
        assertEquals(chunksOfOneCopy, chunks());
    }

    @Test
    void concurrentSavesOfTheSameBytesLeaveOneCopy() throws Exception {
        byte[] bytes = bytes(400_000, 4);
        MediaRef ref = ref(bytes);
        store();
        int uploaders = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(uploaders);
        try {
            List<Future<Saved>> saves = new ArrayList<>();
            for (int i = 0; i < uploaders; i++) {
                String user = "user" + i;
                Callable<Saved> save = () -> {
                    start.await();
                    return store().save(ref, new ByteArrayInputStream(bytes), user, T0);
                };
                saves.add(pool.submit(save));
            }
            start.countDown();
            int created = 0;
            for (Future<Saved> save : saves) {
                created += save.get().created() ? 1 : 0;
            }
            assertEquals(1, created, "exactly one save stored the bytes");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, files(), "the losers deleted their copies");
        assertEquals(uploaders, store().find(ref.id()).orElseThrow().uploaders().size());
        assertEquals(1, db.getCollection("media").countDocuments());
    }

    @Test
    void addingAnUploaderNeedsTheImageStoredAndNeverMovesTheLastUploadBack() {
        byte[] bytes = bytes(1_000, 5);
        MediaRef ref = ref(bytes);
        assertTrue(store().addUploader(ref.id(), "alice", T0).isEmpty());
        assertEquals(0, db.getCollection("media").countDocuments(), "nothing was created");

        store().save(ref, new ByteArrayInputStream(bytes), "alice", T0.plusSeconds(100));
        StoredMedia again = store().addUploader(ref.id(), "alice", T0.plusSeconds(200)).orElseThrow();
        assertEquals(List.of("alice"), again.uploaders(), "an uploader is listed once");
        assertEquals(T0.plusSeconds(200), again.lastUploaded());
        StoredMedia late = store().addUploader(ref.id(), "carol", T0.plusSeconds(150)).orElseThrow();
        assertEquals(List.of("alice", "carol"), late.uploaders());
        assertEquals(T0.plusSeconds(200), late.lastUploaded());
    }

    @Test
    void imagesLastUploadedBeforeACutoffArePagedInIdOrder() {
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] bytes = bytes(100, 10 + i);
            store().save(ref(bytes), new ByteArrayInputStream(bytes), "alice", T0.plusSeconds(i));
            old.add(ref(bytes).id());
        }
        byte[] recent = bytes(100, 20);
        store().save(ref(recent), new ByteArrayInputStream(recent), "alice", T0.plusSeconds(3600));
        old.sort(null);

        List<String> first = store().uploadedBefore(T0.plusSeconds(60), null, 3);
        List<String> rest = store().uploadedBefore(T0.plusSeconds(60), first.get(2), 3);
        assertEquals(old.subList(0, 3), first);
        assertEquals(old.subList(3, 5), rest);
    }

    @Test
    void deletingRespectsTheCutoffAndTakesTheBytesAlong() {
        byte[] bytes = bytes(300_000, 6);
        MediaRef ref = ref(bytes);
        store().save(ref, new ByteArrayInputStream(bytes), "alice", T0);
        StoredMedia stored = store().find(ref.id()).orElseThrow();

        assertFalse(store().deleteIfUploadedBefore(ref.id(), T0), "uploaded at, not before, the cutoff");
        assertTrue(store().find(ref.id()).isPresent());
        assertTrue(store().deleteIfUploadedBefore(ref.id(), T0.plusMillis(1)));
        assertTrue(store().find(ref.id()).isEmpty());
        assertTrue(store().open(stored, 0).isEmpty(), "the bytes are gone");
        assertEquals(0, files());
        assertEquals(0, chunks());
        assertFalse(store().deleteIfUploadedBefore(ref.id(), T0.plusSeconds(1)), "deleting twice is harmless");
    }

    @Test
    void bytesNoImageRecordsAreDeletedOnceOldAndRecordedOnesAreKept() {
        byte[] kept = bytes(1_000, 7);
        store().save(ref(kept), new ByteArrayInputStream(kept), "alice", T0);
        // As a save that died between writing its bytes and recording them leaves things:
        byte[] abandoned = bytes(1_000, 8);
        GridFSBuckets.create(db, "media").uploadFromStream(ref(abandoned).id(), new ByteArrayInputStream(abandoned),
                new GridFSUploadOptions().metadata(new Document("sha256", ref(abandoned).id())
                        .append("started", Date.from(T0))));
        // As a save that died after recording its bytes but before marking them:
        db.getCollection("media.files").updateMany(Filters.eq("metadata.sha256", ref(kept).id()),
                Updates.unset("metadata.linked"));
        assertEquals(2, files());

        assertEquals(0, store().deleteAbandonedBlobs(T0), "not older than the cutoff yet");
        assertEquals(1, store().deleteAbandonedBlobs(T0.plus(Duration.ofHours(1))));
        assertEquals(1, files());
        assertArrayEquals(kept, readQuietly(store().find(ref(kept).id()).orElseThrow()));
        assertEquals(0, store().deleteAbandonedBlobs(T0.plus(Duration.ofHours(2))), "the recorded bytes stay");
    }

    private byte[] readQuietly(StoredMedia media) {
        try {
            return read(media, 0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
