package io.mqchat.media.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any route ran (a malformed request, a header too large), in the endpoint's
 * JSON shape instead of Jetty's HTML page, so clients parse every error the same way.
 */
final class JsonErrors extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        byte[] body = Replies.errorJson(code(status), HttpStatus.getMessage(status));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 408 -> "too_slow";
            case 413 -> "too_large";
            case 431 -> "header_too_large";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }
}
