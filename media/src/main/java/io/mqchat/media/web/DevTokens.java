package io.mqchat.media.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqchat.extension.auth.Identity;
import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.protocol.UserIds;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /dev/token} with {@code {"user":"alice"}}: a development token for any user name, for trying the web
 * app on a server that runs on its development secret. It exists only then ({@link WebApp#devTokens}). The request
 * must say {@code Content-Type: application/json}, which a page of another origin cannot send without a CORS
 * preflight that this server never grants, so other sites cannot fetch tokens through a visitor's browser. The
 * request must also name this server by a loopback host, and come from a page of that same origin when it says
 * where it comes from: a DNS-rebinding page (an attacker's name pointed at 127.0.0.1) is same-origin for the browser,
 * but names the attacker's host.
 */
final class DevTokens {

    /** A working day: long enough to try things, short enough that a copied token soon stops working. */
    static final Duration TTL = Duration.ofHours(12);
    private static final int MAX_BODY_BYTES = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer. */
    record Minted(String token, long expiresIn) {
    }

    private final TokenMinter minter;

    DevTokens(TokenMinter minter) {
        this.minter = minter;
    }

    void handle(Request request, Response response, Callback callback) throws IOException {
        if (!request.getMethod().equals("POST")) {
            Answers.onlyAllowed(request, response, callback, "POST");
            return;
        }
        if (!LoopbackOrigin.isLoopbackPage(request.getHeaders().get(HttpHeader.HOST),
                request.getHeaders().get(HttpHeader.ORIGIN))) {
            Answers.error(request, response, callback, 403, "forbidden",
                    "development sign-in answers only pages opened on this machine's loopback address");
            return;
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            Answers.error(request, response, callback, 415, "unsupported_type",
                    "send the user as JSON with Content-Type: application/json");
            return;
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            Answers.error(request, response, callback, 413, "too_large", "the request is over "
                    + MAX_BODY_BYTES + " bytes");
            return;
        }
        String user = user(body);
        if (user == null || !UserIds.isValidUserId(user) || user.startsWith(Identity.SERVICE_PREFIX)) {
            Answers.error(request, response, callback, 400, "bad_request", "send {\"user\":\"name\"}: a user id is "
                    + "1-" + UserIds.MAX_USER_ID_LENGTH + " characters without / + # $, whitespace, control or "
                    + "invisible characters, in Unicode NFC, and does not start with '" + Identity.SERVICE_PREFIX + "'");
            return;
        }
        Answers.json(request, response, callback, 200, new Minted(minter.mint(user, TTL), TTL.toSeconds()));
    }

    private static String user(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.path("user").isTextual() ? node.get("user").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
