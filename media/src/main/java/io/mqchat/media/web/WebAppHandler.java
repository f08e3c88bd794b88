package io.mqchat.media.web;

import java.io.IOException;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the web chat app at the endpoint's root: the page and its files ({@code GET}/{@code HEAD} only), its
 * configuration at {@code /app/config.json}, and the development sign-in at {@code /dev/token} when the server
 * offers it. Paths it does not own (such as {@code /media}) are left to the next handler.
 */
public final class WebAppHandler extends Handler.Abstract {

    static final String CONFIG_PATH = "/app/config.json";
    static final String DEV_TOKEN_PATH = "/dev/token";
    private static final String READ_ONLY = "GET, HEAD";
    /**
     * Scripts only from this origin (no inline code, so injected text cannot run), images also from data: (the
     * thumbnails in messages) and blob: (downloaded images), the broker over any ws/wss URL, and MQTT.js's timer
     * worker, which it builds from a blob: so that keep-alives still go out while the tab is in the background.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "worker-src blob:; "
            + "style-src 'self'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; object-src 'none'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Logger log = LoggerFactory.getLogger(WebAppHandler.class);

    private final WebApp app;
    private final long maxImageBytes;
    private final StaticFiles files;
    private final Optional<DevTokens> devTokens;

    /**
     * @param app           where the broker is and whether development sign-in is offered
     * @param maxImageBytes the media endpoint's upload limit, which the page checks before uploading
     * @throws IllegalStateException when a file of the app is missing from the classpath
     */
    public WebAppHandler(WebApp app, long maxImageBytes) {
        this.app = app;
        this.maxImageBytes = maxImageBytes;
        this.files = StaticFiles.load();
        this.devTokens = app.devTokens().map(DevTokens::new);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        try {
            if (path.equals(DEV_TOKEN_PATH) && devTokens.isPresent()) {
                devTokens.get().handle(request, response, callback);
                return true;
            }
            if (path.equals(CONFIG_PATH)) {
                if (readOnly(request, response, callback)) {
                    Answers.json(request, response, callback, 200, ClientConfig.answer(app, maxImageBytes, request));
                }
                return true;
            }
            Optional<StaticFiles.File> file = files.find(path);
            if (file.isEmpty()) {
                return false;
            }
            if (readOnly(request, response, callback)) {
                serve(request, response, callback, file.get());
            }
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("web app request for {} failed: {}", path, e.toString());
            callback.failed(e);
            return true;
        }
    }

    private static boolean readOnly(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        Answers.onlyAllowed(request, response, callback, READ_ONLY);
        return false;
    }

    private static void serve(Request request, Response response, Callback callback, StaticFiles.File file) {
        // no-cache: the names carry no version, so the browser asks every time and gets a 304 while unchanged.
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put(HttpHeader.ETAG, file.etag());
        response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        if (file.etag().equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
            Answers.empty(response, callback, 304);
            return;
        }
        Answers.bytes(request, response, callback, 200, file.contentType(), file.bytes());
    }
}
