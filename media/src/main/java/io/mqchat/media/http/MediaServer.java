package io.mqchat.media.http;

import io.mqchat.extension.auth.TokenVerifier;
import io.mqchat.extension.limits.RateLimit;
import io.mqchat.extension.limits.RequestRateLimiter;
import io.mqchat.media.access.MediaAccess;
import io.mqchat.media.images.ImageInspector;
import io.mqchat.media.budget.DecodeGate;
import io.mqchat.media.settings.DecodeLimits;
import io.mqchat.media.settings.HttpLimits;
import io.mqchat.media.settings.MediaSettings;
import io.mqchat.media.store.MediaStore;
import io.mqchat.media.web.WebApp;
import io.mqchat.media.web.WebAppHandler;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The media endpoint's HTTP server: Jetty, its plain handler API, on a bounded pool. A client that is receiving or
 * sending a request header holds no thread (Jetty parses headers as bytes arrive), only a connection, and
 * {@link HeaderDeadline}, the idle timeout and the connection limit bound those. A request being handled holds a
 * thread; uploads, which may take minutes and are held in memory, get at most {@code media.max-uploads} of them, so
 * downloads always find one.
 */
public final class MediaServer implements AutoCloseable {

    /** Jetty's own threads beside the request threads: one acceptor, one selector, and a spare. */
    private static final int JETTY_THREADS = 3;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final Server server;
    private final ServerConnector connector;
    private final ScheduledExecutorService timers;

    private MediaServer(Server server, ServerConnector connector, ScheduledExecutorService timers) {
        this.server = server;
        this.connector = connector;
        this.timers = timers;
    }

    /**
     * Starts serving on {@code settings.bind()}:{@code settings.port()} (0: any free port).
     *
     * @param nanoTime the monotonic time uploads are paced in ({@code System::nanoTime})
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static MediaServer start(MediaSettings settings, MediaStore store, MediaAccess access, TokenVerifier tokens,
                                    Clock clock, LongSupplier nanoTime) {
        return start(settings, store, access, tokens, clock, nanoTime, WebApp.beside(settings.webMqttUrl()));
    }

    /**
     * Starts serving as {@link #start(MediaSettings, MediaStore, MediaAccess, TokenVerifier, Clock, LongSupplier)},
     * with the web chat app at the root.
     *
     * @param web where the app's browsers reach the broker and whether it offers development sign-in
     */
    public static MediaServer start(MediaSettings settings, MediaStore store, MediaAccess access, TokenVerifier tokens,
                                    Clock clock, LongSupplier nanoTime, WebApp web) {
        HttpLimits limits = settings.http();
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads() + JETTY_THREADS, 2);
        threads.setName("mqchat-media-http");
        threads.setDaemon(true);
        threads.setReservedThreads(0);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.bind());
        connector.setPort(settings.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.addBean(new HeaderDeadline(connector.getScheduler(), limits.headerTimeout()));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        server.setErrorHandler(new JsonErrors());

        int decodes = Math.max(1, Math.min(limits.maxUploads(), Runtime.getRuntime().availableProcessors()));
        DecodeLimits budget = settings.decoding();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mqchat-media-timers");
            thread.setDaemon(true);
            return thread;
        });
        RequestRateLimiter uploadsPerUser = new RequestRateLimiter(new RateLimit(
                settings.uploadRate().perMinute() / 60.0, settings.uploadRate().burst()), clock);
        UploadHandler uploads = new UploadHandler(store, new ImageInspector(settings.maxPixels(), budget.maxScans(),
                budget.memoryBytes()), settings.maxBytes(), clock,
                new DecodeGate(decodes, budget.memoryBytes(), budget.timeout(), timers), limits.maxUploads(),
                uploadsPerUser, settings.uploadRate());
        // Buckets of users idle for a minute are full again anyway: dropping them keeps the map small.
        timers.scheduleWithFixedDelay(uploadsPerUser::sweep, 1, 1, TimeUnit.MINUTES);
        // The web app first: it declines the paths it does not own, which the media routes then answer (or 404).
        server.setHandler(new Handler.Sequence(new WebAppHandler(web, settings.maxBytes()),
                new BlockingRoutes(limits.minUploadRate(), limits.headerTimeout(), nanoTime)
                        .add(MediaRoutes.PATH, new MediaRoutes(new BearerAuth(tokens), uploads,
                                new DownloadHandler(store, access)))));
        try {
            server.start();
        } catch (Exception e) {
            timers.shutdownNow();
            stopQuietly(server);
            throw new UncheckedIOException("cannot listen on " + settings.bind() + ":" + settings.port()
                    + " for media", e instanceof IOException io ? io : new IOException(e));
        }
        return new MediaServer(server, connector, timers);
    }

    /** The port it listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops listening, ends the exchanges in progress. */
    @Override
    public void close() {
        stopQuietly(server);
        timers.shutdownNow();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort: the threads are daemons and the port is released with the process.
        }
    }
}
