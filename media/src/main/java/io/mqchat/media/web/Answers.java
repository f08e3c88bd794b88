package io.mqchat.media.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * How the web app's routes answer: bodies with an exact length (none for HEAD), JSON that is never cached, and
 * errors in the media endpoint's shape {@code {"error","message"}}.
 */
final class Answers {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body of every error answer: a stable code for programs, a sentence for people. */
    record ErrorBody(String error, String message) {
    }

    private Answers() {
    }

    static void bytes(Request request, Response response, Callback callback, int status, String contentType,
                      byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }

    static void json(Request request, Response response, Callback callback, int status, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the web app's answers are plain records", e);
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        bytes(request, response, callback, status, "application/json", bytes);
    }

    static void error(Request request, Response response, Callback callback, int status, String code,
                      String message) {
        json(request, response, callback, status, new ErrorBody(code, message));
    }

    /** A 405 naming what the path allows. */
    static void onlyAllowed(Request request, Response response, Callback callback, String allowed) {
        response.getHeaders().put(HttpHeader.ALLOW, allowed);
        error(request, response, callback, 405, "method_not_allowed", request.getMethod()
                + " is not allowed here; use " + allowed);
    }

    /** An answer without a body (304). */
    static void empty(Response response, Callback callback, int status) {
        response.setStatus(status);
        response.write(true, ByteBuffer.allocate(0), callback);
    }
}
