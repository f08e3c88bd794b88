package io.mqchat.media;

import com.mongodb.client.MongoDatabase;
import io.mqchat.extension.auth.TokenVerifier;
import io.mqchat.media.access.MediaAccess;
import io.mqchat.media.gc.OrphanSweeper;
import io.mqchat.media.gc.SweepResult;
import io.mqchat.media.http.MediaServer;
import io.mqchat.media.settings.MediaSettings;
import io.mqchat.media.store.GridFsMediaStore;
import io.mqchat.media.store.MediaStore;
import io.mqchat.media.store.MediaStoreUnavailableException;
import io.mqchat.media.web.WebApp;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media endpoint as one part a process hosts (the archive-worker, the all-in-one server): the HTTP API for image
 * upload and download over the given MongoDB database (GridFS bucket {@code media}, collection {@code media}), the
 * web chat app at its root ({@link WebApp}), and the periodic orphan sweep. {@code media.port} 0 switches it off:
 * then {@link #start} and {@link #close} do nothing.
 */
public final class MediaService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);

    private final MediaSettings settings;
    private final Clock clock;
    private final MediaStore store;
    private final TokenVerifier tokens;
    private final MediaAccess access;
    private final OrphanSweeper sweeper;
    private final WebApp web;
    private MediaServer server;
    private ScheduledExecutorService sweeps;

    /**
     * @param settings the endpoint's settings
     * @param clock    the time uploads are recorded at and the orphan TTL counts in
     * @param database where images are stored
     * @param tokens   verifies the Bearer tokens (the broker's JWT configuration)
     * @param access   who may read an image and whether it is still referenced (the archive)
     */
    public MediaService(MediaSettings settings, Clock clock, MongoDatabase database, TokenVerifier tokens,
                        MediaAccess access) {
        this(settings, clock, database, tokens, access, WebApp.beside(settings.webMqttUrl()));
    }

    /**
     * An endpoint that serves the web chat app as {@code web} says (the all-in-one server knows its broker's
     * websocket listener and whether it runs on the development secret).
     */
    public MediaService(MediaSettings settings, Clock clock, MongoDatabase database, TokenVerifier tokens,
                        MediaAccess access, WebApp web) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = new GridFsMediaStore(Objects.requireNonNull(database, "database"));
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.access = Objects.requireNonNull(access, "access");
        this.sweeper = new OrphanSweeper(store, access, settings.orphanTtl(), clock);
        this.web = Objects.requireNonNull(web, "web");
    }

    /**
     * Starts listening and schedules the sweep. A MongoDB that is down does not stop the start: requests are then
     * answered 503 until it is back.
     *
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public synchronized void start() {
        if (!settings.enabled() || server != null) {
            return;
        }
        try {
            store.ensureIndexes();
        } catch (MediaStoreUnavailableException e) {
            log.warn("MongoDB is not reachable yet ({}); media requests fail until it is", e.getMessage());
        }
        server = MediaServer.start(settings, store, access, tokens, clock, System::nanoTime, web);
        sweeps = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mqchat-media-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.sweepInterval().toMillis();
        sweeps.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
        log.info("media endpoint on http://{}:{}/media, web app on http://{}:{}/", settings.bind(), server.port(),
                settings.bind(), server.port());
    }

    /** The port the endpoint listens on; 0 before {@link #start} or when switched off. */
    public synchronized int port() {
        return server == null ? 0 : server.port();
    }

    /**
     * Deletes now what the periodic sweep would: images past the orphan TTL that no unexpired message refers to.
     *
     * @throws RuntimeException when the store or the archive cannot be asked; nothing more is deleted then
     */
    public SweepResult sweepOrphans() {
        return sweeper.sweep();
    }

    /** Stops listening and sweeping. */
    @Override
    public synchronized void close() {
        if (sweeps != null) {
            sweeps.shutdownNow();
            sweeps = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private void sweepQuietly() {
        try {
            SweepResult result = sweeper.sweep();
            if (result.images() + result.abandonedBytes() > 0) {
                log.info("media sweep deleted {} unreferenced images and {} abandoned uploads", result.images(),
                        result.abandonedBytes());
            }
        } catch (RuntimeException e) {
            log.warn("media sweep failed, retried in {}: {}", settings.sweepInterval(), e.toString());
        }
    }
}
