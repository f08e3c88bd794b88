package io.mqchat.media.store;

import static io.mqchat.media.store.MediaDocuments.BLOB;
import static io.mqchat.media.store.MediaDocuments.FILE_LINKED;
import static io.mqchat.media.store.MediaDocuments.FILE_SHA256;
import static io.mqchat.media.store.MediaDocuments.FILE_STARTED;
import static io.mqchat.media.store.MediaDocuments.ID;
import static io.mqchat.media.store.MediaDocuments.LAST_UPLOADED;
import static io.mqchat.media.store.MediaDocuments.UPLOADERS;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.mqchat.protocol.MediaRef;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * {@link MediaStore} in MongoDB: the bytes in the GridFS bucket {@code media} ({@code media.files},
 * {@code media.chunks}), what is known of each image in the collection {@code media}, keyed by SHA-256.
 *
 * <p>The unique key is the {@code media} document's {@code _id}, not the GridFS file id. Using the hash as the
 * GridFS id would not make concurrent uploads safe: the loser's chunk insert fails on the unique chunk index and the
 * driver's clean-up then deletes every chunk with that file id, the winner's included. So each upload writes its
 * bytes under a fresh id and then inserts the document; the insert that loses the race deletes its own bytes. Bytes
 * whose upload died before the document was written are found by {@link #deleteAbandonedBlobs}. Single-document
 * operations only (the embedded store has no transactions).
 */
public final class GridFsMediaStore implements MediaStore {

    private static final String BUCKET = "media";
    private static final String COLLECTION = "media";
    private static final int ABANDONED_PER_CALL = 1_000;
    private static final int SAVE_ATTEMPTS = 3;

    private final MongoCollection<Document> media;
    private final MongoCollection<Document> files;
    private final GridFSBucket bucket;

    public GridFsMediaStore(MongoDatabase database) {
        this.media = database.getCollection(COLLECTION);
        this.files = database.getCollection(BUCKET + ".files");
        this.bucket = GridFSBuckets.create(database, BUCKET);
    }

    @Override
    public void ensureIndexes() {
        call(() -> {
            media.createIndex(Indexes.ascending(LAST_UPLOADED));
            files.createIndex(Indexes.ascending(FILE_STARTED));
            return null;
        });
    }

    @Override
    public Optional<StoredMedia> find(String id) {
        return call(() -> Optional.ofNullable(media.find(Filters.eq(ID, id)).first()).map(MediaDocuments::toMedia));
    }

    @Override
    public Optional<StoredMedia> addUploader(String id, String user, Instant at) {
        return call(() -> Optional.ofNullable(media.findOneAndUpdate(Filters.eq(ID, id),
                        Updates.combine(Updates.addToSet(UPLOADERS, user), Updates.max(LAST_UPLOADED, Date.from(at))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(MediaDocuments::toMedia));
    }

    @Override
    public Saved save(MediaRef ref, InputStream bytes, String user, Instant at) {
        ObjectId blob = new ObjectId();
        call(() -> {
            bucket.uploadFromStream(new BsonObjectId(blob), ref.id(), bytes,
                    new GridFSUploadOptions().metadata(MediaDocuments.fileMetadata(ref.id(), at)));
            return null;
        });
        Document document = MediaDocuments.toDocument(ref, blob, user, at);
        for (int attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
            if (insertUnlessPresent(document)) {
                markLinked(blob, true);
                return new Saved(MediaDocuments.toMedia(document), true);
            }
            Optional<StoredMedia> existing = addUploader(ref.id(), user, at);
            if (existing.isPresent()) {
                deleteBlob(blob);
                return new Saved(existing.get(), false);
            }
            // The existing image was swept between our insert and our update: try to become it.
        }
        throw new MediaStoreUnavailableException("media " + ref.id() + " kept changing while it was saved", null);
    }

    @Override
    public Optional<InputStream> open(StoredMedia stored, long offset) {
        return call(() -> {
            GridFSDownloadStream in;
            try {
                in = bucket.openDownloadStream(new ObjectId(stored.blob()));
            } catch (MongoGridFSException e) {
                return Optional.empty();
            }
            // GridFS skips whole chunks without reading them: a range request near the end costs one chunk.
            long skipped = 0;
            while (skipped < offset) {
                long n = in.skip(offset - skipped);
                if (n <= 0) {
                    break;
                }
                skipped += n;
            }
            return Optional.of(in);
        });
    }

    @Override
    public List<String> uploadedBefore(Instant cutoff, String after, int limit) {
        Bson old = Filters.lt(LAST_UPLOADED, Date.from(cutoff));
        Bson filter = after == null ? old : Filters.and(old, Filters.gt(ID, after));
        return call(() -> media.find(filter).projection(Projections.include(ID)).sort(Sorts.ascending(ID))
                .limit(limit).map(doc -> doc.getString(ID)).into(new ArrayList<>()));
    }

    @Override
    public boolean deleteIfUploadedBefore(String id, Instant cutoff) {
        Optional<StoredMedia> current = find(id);
        if (current.isEmpty() || !current.get().lastUploaded().isBefore(cutoff)) {
            return false;
        }
        ObjectId blob = new ObjectId(current.get().blob());
        // Unmarked first: should anything below fail, or a new upload keep the image, the abandoned-bytes sweep
        // looks at these bytes again (and marks them anew if they are still recorded).
        markLinked(blob, false);
        Document deleted = call(() -> media.findOneAndDelete(Filters.and(Filters.eq(ID, id), Filters.eq(BLOB, blob),
                Filters.lt(LAST_UPLOADED, Date.from(cutoff)))));
        if (deleted == null) {
            return false;
        }
        deleteBlob(blob);
        return true;
    }

    @Override
    public int deleteAbandonedBlobs(Instant cutoff) {
        List<GridFSFile> candidates = call(() -> bucket.find(Filters.and(Filters.ne(FILE_LINKED, true),
                Filters.lt(FILE_STARTED, Date.from(cutoff)))).limit(ABANDONED_PER_CALL).into(new ArrayList<>()));
        int deleted = 0;
        for (GridFSFile file : candidates) {
            ObjectId blob = file.getObjectId();
            String id = file.getMetadata() == null ? null : file.getMetadata().getString("sha256");
            boolean recorded = id != null && call(() -> media.countDocuments(Filters.and(Filters.eq(ID, id),
                    Filters.eq(BLOB, blob))) > 0);
            if (recorded) {
                // Saved, but the process stopped before it marked the bytes: mark them now.
                markLinked(blob, true);
            } else {
                deleteBlob(blob);
                deleted++;
            }
        }
        return deleted;
    }

    /** Inserts {@code document}; false when its {@code _id} exists. */
    private boolean insertUnlessPresent(Document document) {
        try {
            media.insertOne(document);
            return true;
        } catch (MongoException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw unavailable(e);
        }
    }

    /** Marks bytes as recorded by an image (or not), so the abandoned-bytes sweep skips them without a lookup. */
    private void markLinked(ObjectId blob, boolean linked) {
        call(() -> files.updateOne(Filters.eq(ID, blob), Updates.set(FILE_LINKED, linked)));
    }

    private void deleteBlob(ObjectId blob) {
        call(() -> {
            try {
                bucket.delete(blob);
            } catch (MongoGridFSException e) {
                // Already gone: deleting is idempotent.
            }
            return null;
        });
    }

    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoException e) {
            throw unavailable(e);
        }
    }

    private static MediaStoreUnavailableException unavailable(MongoException e) {
        return new MediaStoreUnavailableException("MongoDB: " + e.getMessage(), e);
    }
}
