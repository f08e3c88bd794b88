package io.mqchat.media.store;

import io.mqchat.protocol.MediaRef;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The {@code media} collection's documents: {@code {_id: sha256, blob, sha256Stored, contentType, size, width,
 * height, thumbnail, uploaders, uploaded, lastUploaded}}, {@code _id} being the hash of the uploaded bytes,
 * {@code blob} the GridFS file id of the bytes stored (the upload without its metadata) and {@code sha256Stored}
 * their hash (absent for images stored before metadata was stripped: then the upload's).
 */
final class MediaDocuments {

    static final String ID = "_id";
    static final String BLOB = "blob";
    static final String STORED_SHA256 = "sha256Stored";
    static final String CONTENT_TYPE = "contentType";
    static final String SIZE = "size";
    static final String WIDTH = "width";
    static final String HEIGHT = "height";
    static final String THUMBNAIL = "thumbnail";
    static final String UPLOADERS = "uploaders";
    static final String UPLOADED = "uploaded";
    static final String LAST_UPLOADED = "lastUploaded";

    /** GridFS file metadata: the id the bytes are for, when they were stored, whether an image records them. */
    static final String FILE_SHA256 = "metadata.sha256";
    static final String FILE_STARTED = "metadata.started";
    static final String FILE_LINKED = "metadata.linked";

    private MediaDocuments() {
    }

    static Document toDocument(MediaRef ref, ObjectId blob, String user, Instant at) {
        return new Document(ID, ref.id())
                .append(BLOB, blob)
                .append(STORED_SHA256, ref.sha256())
                .append(CONTENT_TYPE, ref.contentType())
                .append(SIZE, ref.size())
                .append(WIDTH, ref.width())
                .append(HEIGHT, ref.height())
                .append(THUMBNAIL, ref.thumbnail())
                .append(UPLOADERS, List.of(user))
                .append(UPLOADED, Date.from(at))
                .append(LAST_UPLOADED, Date.from(at));
    }

    static Document fileMetadata(String id, Instant at) {
        return new Document("sha256", id).append("started", Date.from(at));
    }

    static StoredMedia toMedia(Document doc) {
        String id = doc.getString(ID);
        MediaRef ref = new MediaRef(id, doc.getString(CONTENT_TYPE), ((Number) doc.get(SIZE)).longValue(),
                doc.getInteger(WIDTH), doc.getInteger(HEIGHT), doc.get(STORED_SHA256, id), doc.getString(THUMBNAIL));
        return new StoredMedia(ref, doc.getList(UPLOADERS, String.class), doc.getDate(UPLOADED).toInstant(),
                doc.getDate(LAST_UPLOADED).toInstant(), doc.getObjectId(BLOB).toHexString());
    }
}
