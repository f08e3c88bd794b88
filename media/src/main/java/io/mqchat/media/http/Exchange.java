package io.mqchat.media.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.LongSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * One request and its answer, read and written blocking on the request's own thread: the small part of Jetty's
 * asynchronous request and response the routes need, so they read like plain code. The body is read through
 * {@link PacedInput}, so an upload that trickles is cut off.
 */
final class Exchange {

    private final Request request;
    private final Response response;
    private final PacedInput body;
    private OutputStream out;
    private boolean finished;

    Exchange(Request request, Response response, long minBytesPerSecond, long graceNanos, LongSupplier nanoTime) {
        this.request = request;
        this.response = response;
        this.body = new PacedInput(Content.Source.asInputStream(request), minBytesPerSecond, graceNanos, nanoTime);
    }

    String method() {
        return request.getMethod();
    }

    /** The path as sent (not decoded). */
    String path() {
        return request.getHttpURI().getPath();
    }

    /** The request header's first value, or null. */
    String header(String name) {
        return request.getHeaders().get(name);
    }

    InputStream body() {
        return body;
    }

    void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    void removeHeader(String name) {
        response.getHeaders().remove(name);
    }

    /** True once {@link #respond} was called: the status is set, a failure can no longer be answered. */
    boolean responded() {
        return out != null;
    }

    /**
     * Sets the status and the body's length ({@code -1}: no body) and returns where the body goes. Nothing is sent
     * before the first write or {@link #finish}.
     */
    OutputStream respond(int status, long length) {
        if (out != null) {
            throw new IllegalStateException("answered already");
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Math.max(0, length));
        out = Content.Sink.asOutputStream(response);
        return out;
    }

    /** Sends what is still buffered and ends the answer (the request thread waits for it). */
    void finish() throws IOException {
        if (out != null && !finished) {
            finished = true;
            out.close();
        }
    }
}
