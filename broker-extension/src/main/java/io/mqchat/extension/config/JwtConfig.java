package io.mqchat.extension.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How CONNECT tokens are verified. Exactly one key source: an HMAC secret (HS256, development), a JWKS file
 * or a JWKS URL (RS256/ES256, production). The all-in-one server adds an {@link InternalServiceKey}, accepted for
 * its own workers' service tokens only.
 *
 * @param hmacSecret HS256 secret, at least 32 bytes; null when a JWKS is used
 * @param jwksFile   JSON Web Key Set file; null unless used
 * @param jwksUrl    JSON Web Key Set URL; null unless used
 * @param issuer     required {@code iss}, or null to accept any
 * @param audience   required {@code aud}, or null to accept any
 * @param clockSkew  tolerance for {@code exp} and {@code nbf}
 * @param serviceKey also accepted for service tokens (never for users'); null where workers have configured tokens
 */
public record JwtConfig(String hmacSecret, Path jwksFile, URI jwksUrl, String issuer, String audience,
                        Duration clockSkew, InternalServiceKey serviceKey) {

    /** Shortest HS256 secret accepted, in bytes (RFC 7518 section 3.2). */
    public static final int MIN_SECRET_BYTES = 32;

    public JwtConfig {
        Objects.requireNonNull(clockSkew, "clockSkew");
        int sources = (hmacSecret != null ? 1 : 0) + (jwksFile != null ? 1 : 0) + (jwksUrl != null ? 1 : 0);
        if (sources != 1) {
            throw new IllegalArgumentException("configure exactly one of jwt.secret, jwt.jwks-file, jwt.jwks-url");
        }
        if (hmacSecret != null && hmacSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("jwt.secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
    }

    /** Without an internal service key: every token is checked against the one configured key source. */
    public JwtConfig(String hmacSecret, Path jwksFile, URI jwksUrl, String issuer, String audience,
                     Duration clockSkew) {
        this(hmacSecret, jwksFile, jwksUrl, issuer, audience, clockSkew, null);
    }

    /** The same, also accepting service tokens signed with {@code key}. */
    public JwtConfig withServiceKey(InternalServiceKey key) {
        return new JwtConfig(hmacSecret, jwksFile, jwksUrl, issuer, audience, clockSkew, key);
    }

    /** HS256 with {@code secret}, no issuer or audience check, 30 s clock skew. */
    public static JwtConfig hmac(String secret) {
        return new JwtConfig(secret, null, null, null, null, Duration.ofSeconds(30));
    }
}
