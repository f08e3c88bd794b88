package io.mqchat.media.http;

import io.mqchat.media.access.MediaAccess;
import io.mqchat.media.store.MediaStore;
import io.mqchat.media.store.StoredMedia;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * {@code GET /media/{id}}: the image, to its uploaders and to members of a conversation it was shared in. Anyone
 * else gets the same 404 as for an id that does not exist, so ids cannot be probed. The bytes never change (the id
 * is their hash): ETag, {@code If-None-Match}, single byte ranges and a year of private caching.
 */
final class DownloadHandler {

    private static final String CACHE_CONTROL = "private, max-age=31536000, immutable";
    private static final int COPY_BUFFER = 64 * 1024;

    private final MediaStore store;
    private final MediaAccess access;

    DownloadHandler(MediaStore store, MediaAccess access) {
        this.store = store;
        this.access = access;
    }

    void handle(Exchange exchange, String user, String id) throws IOException {
        Optional<StoredMedia> found = store.find(id);
        if (found.isEmpty() || !(found.get().uploadedBy(user) || mayRead(user, id))) {
            notFound(exchange);
            return;
        }
        StoredMedia media = found.get();
        String etag = EntityTags.of(media.ref().sha256());
        exchange.setHeader("ETag", etag);
        exchange.setHeader("Cache-Control", CACHE_CONTROL);
        if (EntityTags.noneMatchHits(exchange.header("If-None-Match"), etag)) {
            Replies.empty(exchange, 304);
            return;
        }
        long size = media.ref().size();
        RangeRequest range = EntityTags.rangeStillValid(exchange.header("If-Range"), etag)
                ? RangeRequest.parse(exchange.header("Range"), size) : new RangeRequest.Whole();
        exchange.setHeader("Accept-Ranges", "bytes");
        if (range instanceof RangeRequest.Unsatisfiable) {
            exchange.setHeader("Content-Range", "bytes */" + size);
            Replies.error(exchange, 416, "range_not_satisfiable", "the image has " + size + " bytes");
            return;
        }
        long first = range instanceof RangeRequest.Part part ? part.first() : 0;
        long length = range instanceof RangeRequest.Part part ? part.length() : size;
        Optional<InputStream> bytes = store.open(media, first);
        if (bytes.isEmpty()) {
            // Deleted between the lookup and now.
            exchange.removeHeader("ETag");
            exchange.removeHeader("Cache-Control");
            exchange.removeHeader("Accept-Ranges");
            notFound(exchange);
            return;
        }
        exchange.setHeader("Content-Type", media.ref().contentType());
        exchange.setHeader("X-Content-Type-Options", "nosniff");
        if (range instanceof RangeRequest.Part part) {
            exchange.setHeader("Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + size);
        }
        OutputStream out = exchange.respond(range instanceof RangeRequest.Part ? 206 : 200, length);
        try (InputStream in = bytes.get()) {
            copy(in, out, length);
        }
        exchange.finish();
    }

    private boolean mayRead(String user, String id) {
        try {
            return access.mayRead(user, id);
        } catch (RuntimeException e) {
            throw new AccessUnknownException(e);
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the stored image ended " + left + " bytes early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void notFound(Exchange exchange) throws IOException {
        Replies.error(exchange, 404, "not_found", "no such media, or not shared with you");
    }
}
