package io.mqchat.media.http;

import io.mqchat.media.store.MediaStoreUnavailableException;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint's routes: {@code POST /media} and {@code GET /media/{id}}, both behind {@link BearerAuth}
 * (authentication comes first, so nobody learns anything about a path without a token). A store that is down is a
 * 503 the client may retry; anything unexpected a 500, never a dropped connection.
 */
final class MediaRoutes implements Route {

    static final String PATH = "/media";
    private static final Pattern MEDIA_ID = Pattern.compile("[0-9a-f]{64}");
    private static final Logger log = LoggerFactory.getLogger(MediaRoutes.class);

    private final BearerAuth auth;
    private final UploadHandler uploads;
    private final DownloadHandler downloads;

    MediaRoutes(BearerAuth auth, UploadHandler uploads, DownloadHandler downloads) {
        this.auth = auth;
        this.uploads = uploads;
        this.downloads = downloads;
    }

    @Override
    public void handle(Exchange exchange) {
        try {
            route(exchange);
        } catch (MediaStoreUnavailableException e) {
            log.warn("media request failed, the store is unavailable: {}", e.getMessage());
            Replies.errorIfStillPossible(exchange, 503, "unavailable", "the media store is unavailable; try again later");
        } catch (AccessUnknownException e) {
            log.warn("media request failed, the archive cannot tell who may read: {}", e.getCause().toString());
            Replies.errorIfStillPossible(exchange, 503, "unavailable", "the archive is unavailable; try again later");
        } catch (IOException e) {
            log.debug("media request ended early: {}", e.toString());
        } catch (RuntimeException e) {
            log.warn("media request failed", e);
            Replies.errorIfStillPossible(exchange, 500, "internal_error", "the request failed");
        }
    }

    private void route(Exchange exchange) throws IOException {
        Optional<String> user = auth.user(exchange);
        if (user.isEmpty()) {
            return;
        }
        String path = exchange.path();
        boolean collection = path.equals(PATH) || path.equals(PATH + "/");
        String id = path.startsWith(PATH + "/") ? path.substring(PATH.length() + 1) : null;
        if (!collection && (id == null || !MEDIA_ID.matcher(id).matches())) {
            Replies.error(exchange, 404, "not_found", "no such media, or not shared with you");
            return;
        }
        String allowed = collection ? "POST" : "GET";
        if (!exchange.method().equals(allowed)) {
            exchange.setHeader("Allow", allowed);
            Replies.error(exchange, 405, "method_not_allowed", exchange.method() + " is not allowed here; "
                    + "use " + allowed);
            return;
        }
        if (collection) {
            uploads.handle(exchange, user.get());
        } else {
            downloads.handle(exchange, user.get(), id);
        }
    }
}
