package io.mqchat.media.http;

/** What answers requests under one path prefix, on the request's own thread ({@link BlockingRoutes}). */
interface Route {

    /** Answers {@code exchange}; must not throw: a failure is answered here, or the connection is dropped. */
    void handle(Exchange exchange);
}
