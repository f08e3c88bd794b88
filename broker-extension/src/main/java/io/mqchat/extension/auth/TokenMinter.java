package io.mqchat.extension.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mqchat.protocol.UserIds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Mints HS256 development tokens with the configured secret, for the server's {@code token} command and for
 * tests. Production deployments mint tokens in their own identity service and configure a JWKS instead.
 */
public final class TokenMinter {

    private final MACSigner signer;
    private final Clock clock;
    private final String issuer;
    private final String audience;

    /** A minter for {@code secret}; {@code issuer} and {@code audience} may be null. */
    public TokenMinter(String secret, String issuer, String audience, Clock clock) {
        try {
            this.signer = new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("jwt secret must be at least 32 bytes", e);
        }
        this.clock = clock;
        this.issuer = issuer;
        this.audience = audience;
    }

    public TokenMinter(String secret, Clock clock) {
        this(secret, null, null, clock);
    }

    /** A token for {@code user}, valid from now for {@code ttl}. */
    public String mint(String user, Duration ttl) {
        if (!UserIds.isValidUserId(user) || user.startsWith(Identity.SERVICE_PREFIX)) {
            throw new IllegalArgumentException("invalid user id: " + user);
        }
        return sign(new JWTClaimsSet.Builder().subject(user), ttl);
    }

    /** A service account token for worker {@code service} (which must start with {@code svc-}). */
    public String mintService(String service, Duration ttl) {
        if (!UserIds.isValidUserId(service) || !service.startsWith(Identity.SERVICE_PREFIX)) {
            throw new IllegalArgumentException("a service name must be a valid id starting with '"
                    + Identity.SERVICE_PREFIX + "': " + service);
        }
        return sign(new JWTClaimsSet.Builder().subject(service).claim(Identity.ROLE_CLAIM, Identity.SERVICE_ROLE), ttl);
    }

    private String sign(JWTClaimsSet.Builder claims, Duration ttl) {
        Instant now = clock.instant();
        claims
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)));
        if (issuer != null) {
            claims.issuer(issuer);
        }
        if (audience != null) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
        return jwt.serialize();
    }
}
