package io.mqchat.extension.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.mqchat.extension.config.JwtConfig;
import io.mqchat.protocol.UserIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies a CONNECT token and returns the user it proves. Accepts only signed tokens of the configured
 * algorithms (HS256 with a secret; RS256/ES256 with a JWKS), checks {@code exp}, {@code nbf} and, when
 * configured, {@code iss} and {@code aud}; {@code sub} is the user id and must be a valid one.
 */
public final class TokenVerifier {

    private static final Set<JWSAlgorithm> KEY_SET_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final boolean remoteKeys;
    private final Duration clockSkew;

    public TokenVerifier(JwtConfig config, Clock clock) {
        JWSVerificationKeySelector<SecurityContext> keys;
        if (config.hmacSecret() != null) {
            keys = new JWSVerificationKeySelector<>(JWSAlgorithm.HS256,
                    new ImmutableSecret<>(config.hmacSecret().getBytes(StandardCharsets.UTF_8)));
        } else {
            keys = new JWSVerificationKeySelector<>(KEY_SET_ALGORITHMS, keySource(config));
        }
        remoteKeys = config.jwksUrl() != null;
        processor.setJWSKeySelector(keys);
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        if (config.issuer() != null) {
            exact.issuer(config.issuer());
        }
        Set<String> audience = config.audience() == null ? null : Collections.singleton(config.audience());
        DefaultJWTClaimsVerifier<SecurityContext> claims =
                new DefaultJWTClaimsVerifier<>(audience, exact.build(), new HashSet<>(List.of("sub", "exp")), null) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(clock.instant());
                    }
                };
        clockSkew = Duration.ofSeconds(config.clockSkew().toSeconds());
        claims.setMaxClockSkew((int) clockSkew.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    private static JWKSource<SecurityContext> keySource(JwtConfig config) {
        if (config.jwksFile() != null) {
            try {
                return new ImmutableJWKSet<>(JWKSet.load(config.jwksFile().toFile()));
            } catch (IOException | ParseException e) {
                throw new IllegalArgumentException("cannot read JWKS file " + config.jwksFile() + ": " + e.getMessage(), e);
            }
        }
        try {
            // Caches the key set and refreshes it ahead of expiry, so most verifications need no HTTP request.
            return JWKSourceBuilder.<SecurityContext>create(config.jwksUrl().toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad JWKS URL " + config.jwksUrl(), e);
        }
    }

    /** True when verification may fetch keys over the network and so must not run on a broker thread. */
    public boolean mayBlock() {
        return remoteKeys;
    }

    /** The user or service account the token proves. */
    public Identity verify(String token) throws TokenRejectedException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new TokenRejectedException(TokenRejectedException.Kind.INVALID_TOKEN, "malformed token");
        } catch (BadJOSEException e) {
            throw new TokenRejectedException(TokenRejectedException.Kind.INVALID_TOKEN, "token rejected: " + e.getMessage());
        } catch (JOSEException e) {
            throw new TokenRejectedException(TokenRejectedException.Kind.INVALID_TOKEN, "token could not be verified: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new TokenRejectedException(TokenRejectedException.Kind.INVALID_TOKEN, "signing keys unavailable");
        }
        String subject = claims.getSubject();
        if (!UserIds.isValidUserId(subject)) {
            throw new TokenRejectedException(TokenRejectedException.Kind.INVALID_IDENTITY, "token subject is not a valid user id");
        }
        boolean service = Identity.SERVICE_ROLE.equals(claims.getClaim(Identity.ROLE_CLAIM));
        if (service != subject.startsWith(Identity.SERVICE_PREFIX)) {
            throw new TokenRejectedException(TokenRejectedException.Kind.INVALID_IDENTITY, service
                    ? "a service token's subject must start with '" + Identity.SERVICE_PREFIX + "'"
                    : "user ids starting with '" + Identity.SERVICE_PREFIX + "' are reserved for services");
        }
        return new Identity(subject, service, claims.getExpirationTime().toInstant().plus(clockSkew));
    }
}
