package io.mqchat.media.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the endpoint answers: JSON bodies with an exact length, errors as {@code {"error","message"}}. */
final class Replies {

    private static final Logger log = LoggerFactory.getLogger(Replies.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DISCARD_LIMIT = 256L * 1024;

    /** The body of every error answer: a stable code for programs, a sentence for people. */
    record ErrorBody(String error, String message) {
    }

    private Replies() {
    }

    static void json(Exchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.setHeader("Content-Type", "application/json");
        exchange.setHeader("Cache-Control", "no-store");
        OutputStream out = exchange.respond(status, bytes.length);
        out.write(bytes);
        exchange.finish();
        discardRequestBody(exchange);
    }

    /** The JSON of an error answer, for answers written outside an {@link Exchange}. */
    static byte[] errorJson(String code, String message) {
        try {
            return JSON.writeValueAsBytes(new ErrorBody(code, message));
        } catch (IOException e) {
            throw new IllegalStateException("two strings always serialize", e);
        }
    }

    /**
     * Reads what is left of the request body (an upload refused before it was read) after the answer went out.
     * Closing a socket with unread data makes the kernel reset the connection, and the client may then lose the
     * answer (a 413 or 401) and see only "connection reset". Past {@value #DISCARD_LIMIT} bytes the connection is
     * closed anyway.
     */
    private static void discardRequestBody(Exchange exchange) {
        byte[] buffer = new byte[16 * 1024];
        long left = DISCARD_LIMIT;
        try {
            InputStream in = exchange.body();
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException e) {
            // The client went away or trickles: nothing left to protect.
        }
    }

    static void error(Exchange exchange, int status, String code, String message) throws IOException {
        json(exchange, status, new ErrorBody(code, message));
    }

    /** Answers an error unless an answer was started already (then the failure only ends the connection). */
    static void errorIfStillPossible(Exchange exchange, int status, String code, String message) {
        if (exchange.responded()) {
            return;
        }
        try {
            error(exchange, status, code, message);
        } catch (IOException e) {
            log.debug("could not answer {}: {}", status, e.toString());
        }
    }

    /** An answer without a body (304). */
    static void empty(Exchange exchange, int status) throws IOException {
        exchange.respond(status, -1);
        exchange.finish();
    }
}
