package io.mqchat.media.gc;

import io.mqchat.media.access.MediaAccess;
import io.mqchat.media.store.MediaStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Deletes images nobody needs any more: last uploaded longer than the orphan TTL ago and carried by no unexpired
 * message ({@link MediaAccess#isReferenced}). That collects uploads that were never sent, and the images of a
 * disappearing conversation once its messages expired. A new upload of the same bytes restarts the TTL, so a client
 * that re-uploads (uploads are idempotent) before sending never loses its image to a sweep in between.
 */
public final class OrphanSweeper {

    private static final int PAGE = 500;

    private final MediaStore store;
    private final MediaAccess access;
    private final Duration orphanTtl;
    private final Clock clock;

    public OrphanSweeper(MediaStore store, MediaAccess access, Duration orphanTtl, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.access = Objects.requireNonNull(access, "access");
        this.orphanTtl = Objects.requireNonNull(orphanTtl, "orphanTtl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One pass over every image past the TTL.
     *
     * @throws RuntimeException when the store or the access check fails; what was not deleted yet stays until the
     *                          next pass
     */
    public SweepResult sweep() {
        Instant cutoff = clock.instant().minus(orphanTtl);
        int images = 0;
        String after = null;
        while (true) {
            List<String> ids = store.uploadedBefore(cutoff, after, PAGE);
            for (String id : ids) {
                if (!access.isReferenced(id) && store.deleteIfUploadedBefore(id, cutoff)) {
                    images++;
                }
            }
            if (ids.size() < PAGE) {
                break;
            }
            after = ids.get(ids.size() - 1);
        }
        return new SweepResult(images, store.deleteAbandonedBlobs(cutoff));
    }
}
