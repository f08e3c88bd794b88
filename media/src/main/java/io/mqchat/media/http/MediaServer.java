package io.mqchat.media.http;

import com.sun.net.httpserver.HttpServer;
import io.mqchat.extension.auth.TokenVerifier;
import io.mqchat.media.access.MediaAccess;
import io.mqchat.media.images.ImageInspector;
import io.mqchat.media.store.MediaStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The media endpoint's HTTP server: the JDK's own ({@code com.sun.net.httpserver}, no web framework) on a bounded
 * pool. Each upload is held in memory while it is checked, so the pool size bounds the memory uploads take
 * ({@value #THREADS} x the size limit); connections beyond the pool and its queue are closed at once (the client
 * retries: uploads are idempotent), never queued without end.
 */
public final class MediaServer implements AutoCloseable {

    static final int THREADS = 8;
    private static final int QUEUE = 64;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;

    private MediaServer(HttpServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving on {@code bind}:{@code port} (0: any free port).
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static MediaServer start(String bind, int port, MediaStore store, MediaAccess access, TokenVerifier tokens,
                                    long maxBytes, long maxPixels, Clock clock) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bind + ":" + port + " for media", e);
        }
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(QUEUE), daemonThreads(), new ThreadPoolExecutor.AbortPolicy());
        int decodes = Math.max(1, Math.min(THREADS, Runtime.getRuntime().availableProcessors()));
        UploadHandler uploads = new UploadHandler(store, new ImageInspector(maxPixels), maxBytes, clock, decodes);
        server.createContext(MediaRoutes.PATH, new MediaRoutes(new BearerAuth(tokens), uploads,
                new DownloadHandler(store, access)));
        server.setExecutor(executor);
        server.start();
        return new MediaServer(server, executor);
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening, ends the exchanges in progress. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "mqchat-media-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
