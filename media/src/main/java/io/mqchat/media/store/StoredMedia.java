package io.mqchat.media.store;

import io.mqchat.protocol.MediaRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the store knows of one image.
 *
 * @param ref          the reference a chat message carries (id = SHA-256 of the bytes)
 * @param uploaders    every user who uploaded these bytes; each may always download them
 * @param uploaded     when the bytes were first stored
 * @param lastUploaded when they were last uploaded by anyone (the orphan TTL counts from here)
 * @param blob         the store's handle of the bytes
 */
public record StoredMedia(MediaRef ref, List<String> uploaders, Instant uploaded, Instant lastUploaded,
                          String blob) {

    public StoredMedia {
        Objects.requireNonNull(ref, "ref");
        uploaders = List.copyOf(uploaders);
        Objects.requireNonNull(uploaded, "uploaded");
        Objects.requireNonNull(lastUploaded, "lastUploaded");
        Objects.requireNonNull(blob, "blob");
    }

    public String id() {
        return ref.id();
    }

    public boolean uploadedBy(String user) {
        return uploaders.contains(user);
    }
}
