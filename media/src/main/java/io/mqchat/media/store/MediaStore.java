package io.mqchat.media.store;

import io.mqchat.protocol.MediaRef;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Image bytes and what is known of them, content-addressed: the id is the SHA-256 of the bytes, so the same image is
 * stored once however often and by whomever it is uploaded. Every method throws
 * {@link MediaStoreUnavailableException} when the store cannot be reached.
 */
public interface MediaStore {

    /** Creates the indexes the queries use; safe to call on every start. */
    void ensureIndexes();

    Optional<StoredMedia> find(String id);

    /**
     * Records that {@code user} uploaded the stored image {@code id} (again) at {@code at}; empty when it is not
     * stored, and then nothing changed.
     */
    Optional<StoredMedia> addUploader(String id, String user, Instant at);

    /**
     * Stores {@code bytes} (whose SHA-256 is {@code ref.sha256()}; {@code ref.id()} is the upload's, which they were
     * made from) unless an image with that id is stored already, and
     * records {@code user} as an uploader either way. Concurrent saves of the same id leave one copy.
     */
    Saved save(MediaRef ref, InputStream bytes, String user, Instant at);

    /** The stored bytes from {@code offset} on; empty when they are gone (deleted meanwhile). */
    Optional<InputStream> open(StoredMedia media, long offset);

    /** Up to {@code limit} ids, in id order after {@code after} (null: from the first), last uploaded before {@code cutoff}. */
    List<String> uploadedBefore(Instant cutoff, String after, int limit);

    /** Deletes image {@code id} and its bytes if it was last uploaded before {@code cutoff}; true when it did. */
    boolean deleteIfUploadedBefore(String id, Instant cutoff);

    /**
     * Deletes bytes that were stored before {@code cutoff} but never became a stored image (an upload that lost a
     * race and could not clean up, or a process that died between storing bytes and recording them).
     *
     * @return how many were deleted
     */
    int deleteAbandonedBlobs(Instant cutoff);
}
