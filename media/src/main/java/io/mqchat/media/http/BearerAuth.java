package io.mqchat.media.http;

import io.mqchat.extension.auth.Identity;
import io.mqchat.extension.auth.TokenRejectedException;
import io.mqchat.extension.auth.TokenVerifier;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Authorization: Bearer <token>} with the same JWTs and the same verification as MQTT CONNECT. Only users:
 * a service account has no business with images. Tokens are never logged.
 */
final class BearerAuth {

    private static final Logger log = LoggerFactory.getLogger(BearerAuth.class);
    private static final String SCHEME = "bearer ";

    private final TokenVerifier verifier;

    BearerAuth(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** The user the request's token proves, or empty after answering 401 (no or bad token) or 403 (a service). */
    Optional<String> user(Exchange exchange) throws IOException {
        String header = exchange.header("Authorization");
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(SCHEME)
                || header.substring(SCHEME.length()).isBlank()) {
            exchange.setHeader("WWW-Authenticate", "Bearer realm=\"mqchat\"");
            Replies.error(exchange, 401, "unauthorized", "an Authorization: Bearer <token> header is required");
            return Optional.empty();
        }
        Identity identity;
        try {
            identity = verifier.verify(header.substring(SCHEME.length()).trim());
        } catch (TokenRejectedException e) {
            log.debug("media request with a refused token: {}", e.getMessage());
            exchange.setHeader("WWW-Authenticate", "Bearer realm=\"mqchat\", error=\"invalid_token\"");
            Replies.error(exchange, 401, "unauthorized", "the token was refused");
            return Optional.empty();
        }
        if (identity.service()) {
            Replies.error(exchange, 403, "forbidden", "service tokens cannot use the media endpoint");
            return Optional.empty();
        }
        return Optional.of(identity.subject());
    }
}
