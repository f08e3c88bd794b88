package io.mqchat.archive.store;

import com.mongodb.client.MongoDatabase;
import io.mqchat.media.store.GridFsMediaStore;
import io.mqchat.media.store.MediaStore;
import io.mqchat.media.store.MediaStoreUnavailableException;

/** {@link Uploads} read from the media endpoint's own records ({@link MediaStore}) in the same database. */
final class MediaStoreUploads implements Uploads {

    private final MediaStore media;

    MediaStoreUploads(MongoDatabase database) {
        this.media = new GridFsMediaStore(database);
    }

    @Override
    public boolean uploadedBy(String user, String mediaId) {
        try {
            return media.find(mediaId).map(stored -> stored.uploadedBy(user)).orElse(false);
        } catch (MediaStoreUnavailableException e) {
            throw new ArchiveUnavailableException("media store: " + e.getMessage(), e);
        }
    }
}
