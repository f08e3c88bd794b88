package io.mqchat.media.http;

import io.mqchat.extension.limits.RequestRateLimiter;
import io.mqchat.media.budget.Deadline;
import io.mqchat.media.budget.DecodeGate;
import io.mqchat.media.images.ImageHeader;
import io.mqchat.media.images.ImageInspector;
import io.mqchat.media.images.ImageRejectedException;
import io.mqchat.media.images.InspectedImage;
import io.mqchat.media.metadata.MetadataStripper;
import io.mqchat.media.metadata.StrippedImage;
import io.mqchat.media.settings.UploadRate;
import io.mqchat.media.store.MediaStore;
import io.mqchat.media.store.Saved;
import io.mqchat.media.store.StoredMedia;
import io.mqchat.media.upload.BodyTooLargeException;
import io.mqchat.media.upload.ReceivedBody;
import io.mqchat.protocol.MediaRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /media}: reads the body (at most the size limit), hashes it while reading, and answers the stored
 * image's {@link MediaRef}. Bytes already stored are not checked again (they passed once): the upload only records
 * its uploader, so a retry is cheap and gets the same answer. New bytes are checked and thumbnailed
 * ({@link ImageInspector}) before anything is written, so a refused upload leaves nothing behind, and stored without
 * the uploader's metadata ({@link MetadataStripper}).
 */
final class UploadHandler {

    private static final Logger log = LoggerFactory.getLogger(UploadHandler.class);

    private final MediaStore store;
    private final ImageInspector inspector;
    private final MetadataStripper stripper = new MetadataStripper();
    private final long maxBytes;
    private final Clock clock;
    /** Decoding is the CPU- and memory-hungry step: bounded in count, memory and time, whatever the threads. */
    private final DecodeGate decoding;
    /** Each upload is held in memory and holds a thread while it arrives: the rest are for downloads. */
    private final Semaphore receiving;

    /** Each new upload costs a decode: one user may not start them faster than this. */
    private final RequestRateLimiter uploadsPerUser;
    private final long retryAfterSeconds;

    UploadHandler(MediaStore store, ImageInspector inspector, long maxBytes, Clock clock, DecodeGate decoding,
                  int concurrentUploads, RequestRateLimiter uploadsPerUser, UploadRate rate) {
        this.store = store;
        this.inspector = inspector;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.decoding = decoding;
        this.receiving = new Semaphore(concurrentUploads);
        this.uploadsPerUser = uploadsPerUser;
        // After this long an empty bucket has a token again: an upper bound, never too early.
        this.retryAfterSeconds = (60 + rate.perMinute() - 1) / rate.perMinute();
    }

    void handle(Exchange exchange, String user) throws IOException {
        if (!uploadsPerUser.tryAcquire(user)) {
            exchange.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
            exchange.setHeader("Connection", "close");
            Replies.error(exchange, 429, "rate_limited", "too many uploads; try again in " + retryAfterSeconds + " s");
            return;
        }
        if (declaredLength(exchange) > maxBytes) {
            tooLarge(exchange);
            return;
        }
        if (!receiving.tryAcquire()) {
            exchange.setHeader("Retry-After", "1");
            exchange.setHeader("Connection", "close");
            Replies.error(exchange, 503, "busy", "too many uploads at once; try again shortly");
            return;
        }
        try {
            receive(exchange, user);
        } finally {
            receiving.release();
        }
    }

    private void receive(Exchange exchange, String user) throws IOException {
        ReceivedBody body;
        try {
            body = ReceivedBody.read(exchange.body(), maxBytes);
        } catch (BodyTooLargeException e) {
            tooLarge(exchange);
            return;
        } catch (PacedInput.TooSlowException e) {
            exchange.setHeader("Connection", "close");
            Replies.error(exchange, 408, "too_slow", e.getMessage());
            return;
        }
        if (body.size() == 0) {
            Replies.error(exchange, 400, "empty", "the request has no body: send the image bytes");
            return;
        }
        Optional<StoredMedia> own = store.find(body.sha256()).filter(stored -> stored.uploadedBy(user));
        if (own.isPresent()) {
            // A retry of this user's own upload: idempotent, and it reveals only what the user already knows.
            store.addUploader(body.sha256(), user, clock.instant());
            log.debug("upload by {} of its own stored media {}", user, body.sha256());
            Replies.json(exchange, 200, own.get().ref());
            return;
        }
        // New to this user: the same work and the same answer whether or not somebody else already stored these
        // bytes, so an upload tells nothing about other users' uploads (not by its status, not by its time).
        Checked checked;
        try {
            checked = check(body);
        } catch (ImageRejectedException e) {
            log.debug("upload by {} refused: {}", user, e.getMessage());
            refuse(exchange, e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Replies.error(exchange, 503, "unavailable", "the media endpoint is stopping");
            return;
        } catch (BusyException e) {
            exchange.setHeader("Retry-After", "1");
            Replies.error(exchange, 503, "busy", "every image decode is in use; try again shortly");
            return;
        }
        InspectedImage image = checked.image();
        StrippedImage stored = checked.stored();
        // Keyed by the upload's hash (a retry finds it without any decoding), described by the stored bytes'.
        MediaRef ref = new MediaRef(body.sha256(), image.type().contentType(), stored.bytes().length, image.width(),
                image.height(), stored.sha256(), Base64.getEncoder().encodeToString(image.thumbnail()));
        Saved saved = store.save(ref, new ByteArrayInputStream(stored.bytes()), user, clock.instant());
        log.debug("upload by {}: media {} ({}, {} bytes) {}", user, ref.id(), ref.contentType(), ref.size(),
                saved.created() ? "stored" : "was stored already");
        exchange.setHeader("Location", MediaRoutes.PATH + "/" + ref.id());
        Replies.json(exchange, 201, saved.media().ref());
    }

    /** An upload that passed its checks, and the form it is stored in. */
    private record Checked(InspectedImage image, StrippedImage stored) {
    }

    private Checked check(ReceivedBody body) throws ImageRejectedException, InterruptedException, BusyException {
        ImageHeader header;
        try (ImageInputStream in = body.imageStream()) {
            header = inspector.header(in);
        } catch (IOException e) {
            throw new IllegalStateException("closing an in-memory stream cannot fail", e);
        }
        try (DecodeGate.Permit permit = decoding.enter(header.decodeBytes()).orElseThrow(BusyException::new);
             ImageInputStream in = body.imageStream(permit.deadline()::expired)) {
            InspectedImage image = inspector.inspect(header, in, permit.deadline());
            return new Checked(image, strip(header, body, permit.deadline()));
        } catch (IOException e) {
            throw new IllegalStateException("closing an in-memory stream cannot fail", e);
        }
    }

    private StrippedImage strip(ImageHeader header, ReceivedBody body, Deadline deadline)
            throws ImageRejectedException {
        try {
            return stripper.strip(header, body, deadline);
        } catch (IOException | RuntimeException e) {
            // It was decoded once already: only a spent time budget (or a reader's quirk) ends up here.
            throw new ImageRejectedException(deadline.expired() ? ImageRejectedException.Reason.TOO_COMPLEX
                    : ImageRejectedException.Reason.CORRUPT, "the image could not be stored without its metadata"
                    + (deadline.expired() ? " within " + deadline.budget().toMillis() + " ms" : ""));
        }
    }

    /** No turn to decode came within the time budget: the decodes are busy with others' images. */
    private static final class BusyException extends Exception {
        BusyException() {
            super("no turn to decode", null, false, false);
        }
    }

    /** The Content-Length the client declared, or -1 (chunked, or none). */
    private static long declaredLength(Exchange exchange) {
        String header = exchange.header("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void tooLarge(Exchange exchange) throws IOException {
        // The rest of the body is not read: the connection cannot carry another request.
        exchange.setHeader("Connection", "close");
        Replies.error(exchange, 413, "too_large", "the image is larger than " + maxBytes + " bytes");
    }

    private static void refuse(Exchange exchange, ImageRejectedException e) throws IOException {
        switch (e.reason()) {
            case UNSUPPORTED_TYPE -> Replies.error(exchange, 415, "unsupported_type",
                    e.getMessage() + " (the type is read from the bytes, not from Content-Type)");
            case TOO_MANY_PIXELS -> Replies.error(exchange, 400, "too_many_pixels", e.getMessage());
            case TOO_COMPLEX -> Replies.error(exchange, 422, "too_complex", e.getMessage());
            case CORRUPT -> Replies.error(exchange, 400, "corrupt_image", e.getMessage());
            default -> throw new IllegalStateException("unknown reason " + e.reason());
        }
    }
}
