package io.mqchat.media.http;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.extension.auth.TokenVerifier;
import io.mqchat.extension.config.JwtConfig;
import io.mqchat.extension.testing.ManualClock;
import io.mqchat.media.MediaService;
import io.mqchat.media.access.ConversationShares;
import io.mqchat.media.settings.MediaSettings;
import io.mqchat.media.web.WebApp;
import io.mqchat.mongodb.MongoConnector;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * A running media endpoint for tests: the real {@link MediaService} over a fresh database of an embedded
 * MongoDB-wire server, real HS256 tokens, a real HTTP client, and {@link ConversationShares} as the archive. Its
 * clock moves only when a test says so (tokens are checked against real time).
 */
public final class MediaHarness implements AutoCloseable {

    public static final String SECRET = "media-test-secret-0123456789abcdef-0123456789";
    /** The size limit the harness runs with, small so oversized uploads are cheap to make. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    private final MongoClient mongo;
    private final MongoDatabase database;
    private final MediaService service;
    private final ConversationShares shares;
    private final ManualClock clock = new ManualClock(System.currentTimeMillis());
    private final TokenMinter minter = new TokenMinter(SECRET, Clock.systemUTC());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public MediaHarness(EmbeddedMongo server, MediaSettings settings) {
        this(server, settings, WebApp.beside(settings.webMqttUrl()));
    }

    /** An endpoint whose web app runs as {@code web} says. */
    public MediaHarness(EmbeddedMongo server, MediaSettings settings, WebApp web) {
        // Short timeouts (MongoConnector), so a test of a store outage gets its 503 in seconds.
        this.mongo = MongoConnector.connect(server.connectionString());
        this.database = mongo.getDatabase("t" + UUID.randomUUID().toString().replace("-", ""));
        this.shares = new ConversationShares(database, clock);
        this.service = new MediaService(settings.withPort(freePort()).withMaxBytes(MAX_BYTES), clock, database,
                new TokenVerifier(JwtConfig.hmac(SECRET), Clock.systemUTC()), shares, web);
        service.start();
    }

    public MediaHarness(EmbeddedMongo server) {
        this(server, MediaSettings.defaults());
    }

    public String token(String user) {
        return minter.mint(user, Duration.ofHours(1));
    }

    public String serviceToken(String service) {
        return minter.mintService(service, Duration.ofHours(1));
    }

    public ManualClock clock() {
        return clock;
    }

    public ConversationShares shares() {
        return shares;
    }

    public MediaService service() {
        return service;
    }

    public MongoDatabase database() {
        return database;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    /** A POST of {@code bytes} to /media with a Content-Length; {@code token} may be null. */
    public HttpResponse<String> upload(String token, byte[] bytes) {
        return send(authorized(HttpRequest.newBuilder(uri("/media")), token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of {@code bytes} to /media in chunked encoding (no Content-Length, as a streaming client sends). */
    public HttpResponse<String> uploadChunked(String token, byte[] bytes) {
        return send(authorized(HttpRequest.newBuilder(uri("/media")), token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of /media/{id} with extra headers (name, value, name, value...); {@code token} may be null. */
    public HttpResponse<byte[]> download(String token, String id, String... headers) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(uri("/media/" + id)), token).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Image documents stored. */
    public long storedImages() {
        return database.getCollection("media").countDocuments();
    }

    /** Copies of image bytes stored (GridFS files). */
    public long storedBlobs() {
        return database.getCollection("media.files").countDocuments();
    }

    public long storedChunks() {
        return database.getCollection("media.chunks").countDocuments();
    }

    @Override
    public void close() {
        service.close();
        mongo.close();
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
