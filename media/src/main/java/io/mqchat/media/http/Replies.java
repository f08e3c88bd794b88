package io.mqchat.media.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** How the endpoint answers: JSON bodies with an exact length, errors as {@code {"error","message"}}. */
final class Replies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DISCARD_LIMIT = 32L * 1024 * 1024;

    /** The body of every error answer: a stable code for programs, a sentence for people. */
    record ErrorBody(String error, String message) {
    }

    private Replies() {
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
            out.flush();
            discardRequestBody(exchange);
        }
    }

    /**
     * Reads what is left of the request body (an upload refused before it was read) after the answer went out.
     * Closing a socket with unread data makes the kernel reset the connection, and the client may then lose the
     * answer (a 413 or 401) and see only "connection reset". Past {@value #DISCARD_LIMIT} bytes the connection is
     * closed anyway.
     */
    private static void discardRequestBody(HttpExchange exchange) {
        byte[] buffer = new byte[16 * 1024];
        long left = DISCARD_LIMIT;
        try {
            InputStream in = exchange.getRequestBody();
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException e) {
            // The client went away: nothing left to protect.
        }
    }

    static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        json(exchange, status, new ErrorBody(code, message));
    }

    /** An answer without a body (304). */
    static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
