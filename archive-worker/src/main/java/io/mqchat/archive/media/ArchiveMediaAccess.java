package io.mqchat.archive.media;

import io.mqchat.archive.store.ArchiveStore;
import io.mqchat.media.access.MediaAccess;
import java.time.Clock;

/**
 * Answers the media endpoint's questions from the archive: an image may be downloaded by whoever may read a message
 * that shared it (the rules of history sync), and is kept while such a message has not disappeared.
 */
public final class ArchiveMediaAccess implements MediaAccess {

    private final ArchiveStore store;
    private final Clock clock;

    public ArchiveMediaAccess(ArchiveStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public boolean mayRead(String user, String mediaId) {
        return store.sharedWith(user, mediaId, clock.millis());
    }

    @Override
    public boolean isReferenced(String mediaId) {
        return store.isShared(mediaId, clock.millis());
    }
}
