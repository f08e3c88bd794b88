package io.mqchat.extension.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
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
 * configured, {@code iss} and {@code aud}; {@code sub} is the user id and must be a valid one. An HS256 token
 * signed with the configuration's {@link io.mqchat.extension.config.InternalServiceKey} must be a service token.
 */
public final class TokenVerifier {

    private static final Set<JWSAlgorithm> KEY_SET_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final DefaultJWTProcessor<SecurityContext> processor;
    // Only with an internal service key (the all-in-one server): its own workers' tokens, checked apart from users'.
    private final DefaultJWTProcessor<SecurityContext> internal;
    private final MACVerifier internalSignature;
    private final boolean remoteKeys;
    private final Duration clockSkew;

    public TokenVerifier(JwtConfig config, Clock clock) {
        JWSVerificationKeySelector<SecurityContext> keys;
        if (config.hmacSecret() != null) {
            keys = hmacKey(config.hmacSecret());
        } else {
            keys = new JWSVerificationKeySelector<>(KEY_SET_ALGORITHMS, keySource(config));
        }
        remoteKeys = config.jwksUrl() != null;
        clockSkew = Duration.ofSeconds(config.clockSkew().toSeconds());
        processor = newProcessor(keys, config, clock);
        if (config.serviceKey() == null) {
            internal = null;
            internalSignature = null;
        } else {
            internal = newProcessor(hmacKey(config.serviceKey().secret()), config, clock);
            try {
                internalSignature = new MACVerifier(config.serviceKey().secret().getBytes(StandardCharsets.UTF_8));
            } catch (JOSEException e) {
                throw new IllegalArgumentException("the internal service key is too short", e);
            }
        }
    }

    private static JWSVerificationKeySelector<SecurityContext> hmacKey(String secret) {
        return new JWSVerificationKeySelector<>(JWSAlgorithm.HS256,
                new ImmutableSecret<>(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private DefaultJWTProcessor<SecurityContext> newProcessor(JWSVerificationKeySelector<SecurityContext> keys,
                                                              JwtConfig config, Clock clock) {
        DefaultJWTProcessor<SecurityContext> jwt = new DefaultJWTProcessor<>();
        jwt.setJWSKeySelector(keys);
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
        claims.setMaxClockSkew((int) clockSkew.toSeconds());
        jwt.setJWTClaimsSetVerifier(claims);
        return jwt;
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
        if (internal != null && signedWithInternalKey(token)) {
            Identity identity = verify(internal, token);
            if (identity.service()) {
                return identity;
            }
            // A user's token is never the internal key's to vouch for: the configured key source decides, which
            // accepts it only where it is the same secret (a cluster whose cluster.secret is its jwt.secret).
        }
        return verify(processor, token);
    }

    private boolean signedWithInternalKey(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            return JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) && jwt.verify(internalSignature);
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return false; // not ours: the configured key source decides, and refuses what it cannot read
        }
    }

    private Identity verify(DefaultJWTProcessor<SecurityContext> processor, String token)
            throws TokenRejectedException {
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
