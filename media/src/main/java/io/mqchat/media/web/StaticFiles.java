package io.mqchat.media.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web app's files, read once from the classpath at start: a file that is missing fails the start rather than
 * the first page load. Each has its type and a strong entity tag (its SHA-256), so browsers revalidate cheaply.
 */
final class StaticFiles {

    /** One file as served. */
    record File(byte[] bytes, String contentType, String etag) {
    }

    private static final String ROOT = "/io/mqchat/media/web/static";
    /** Every file the page is made of: the list is explicit, so nothing else on the classpath can be served. */
    static final List<String> PATHS = List.of("/index.html", "/app/style.css", "/app/icon.svg",
            "/app/js/main.js", "/app/js/session.js", "/app/js/protocol.js", "/app/js/store.js", "/app/js/views.js",
            "/app/js/media.js", "/app/js/signin.js", "/app/js/dom.js", "/app/js/catchup.js", "/app/js/reading.js",
            "/app/js/composer.js", "/app/js/groups.js", "/app/js/outbox.js", "/app/js/changes.js",
            "/app/vendor/mqtt-5.16.0.min.js", "/app/vendor/MQTT.js-LICENSE.md");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "md", "text/plain; charset=utf-8");

    private final Map<String, File> files;

    private StaticFiles(Map<String, File> files) {
        this.files = files;
    }

    /** Reads every file of {@link #PATHS}. */
    static StaticFiles load() {
        Map<String, File> files = new LinkedHashMap<>();
        for (String path : PATHS) {
            try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + path)) {
                if (in == null) {
                    throw new IllegalStateException("the web app's file " + path + " is not on the classpath");
                }
                byte[] bytes = in.readAllBytes();
                String extension = path.substring(path.lastIndexOf('.') + 1);
                files.put(path, new File(bytes, TYPES.get(extension), "\"" + sha256(bytes) + "\""));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the web app's file " + path, e);
            }
        }
        return new StaticFiles(Map.copyOf(files));
    }

    /** The file at a request path; {@code /} is the page itself. */
    Optional<File> find(String path) {
        return Optional.ofNullable(files.get(path.equals("/") ? "/index.html" : path));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
