package io.mqchat.extension.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.mqchat.extension.config.InternalServiceKey;
import io.mqchat.extension.config.JwtConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVerifierTest {

    private static final String SECRET = "a-development-secret-of-at-least-32-bytes";
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final TokenVerifier verifier = new TokenVerifier(JwtConfig.hmac(SECRET), clock);

    private static JWTClaimsSet.Builder claims(String sub) {
        return new JWTClaimsSet.Builder().subject(sub).issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(Duration.ofHours(1))));
    }

    private static String hs256(JWTClaimsSet claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private TokenRejectedException.Kind rejection(String token) {
        return assertThrows(TokenRejectedException.class, () -> verifier.verify(token)).kind();
    }

    @Test
    void aValidTokenProvesItsSubject() throws Exception {
        assertEquals("alice", verifier.verify(hs256(claims("alice").build(), SECRET)).subject());
        assertEquals("alice", verifier.verify(new TokenMinter(SECRET, clock).mint("alice", Duration.ofMinutes(5))).subject());
    }

    @Test
    void expiredAndNotYetValidTokensAreRejected() throws Exception {
        JWTClaimsSet expired = claims("alice").expirationTime(Date.from(NOW.minus(Duration.ofMinutes(5)))).build();
        JWTClaimsSet future = claims("alice").notBeforeTime(Date.from(NOW.plus(Duration.ofMinutes(5)))).build();
        assertEquals(TokenRejectedException.Kind.INVALID_TOKEN, rejection(hs256(expired, SECRET)));
        assertEquals(TokenRejectedException.Kind.INVALID_TOKEN, rejection(hs256(future, SECRET)));
    }

    @Test
    void tokensWithoutExpiryAreRejected() throws Exception {
        assertEquals(TokenRejectedException.Kind.INVALID_TOKEN,
                rejection(hs256(new JWTClaimsSet.Builder().subject("alice").build(), SECRET)));
    }

    @Test
    void wrongKeyTamperedUnsignedAndMalformedTokensAreRejected() throws Exception {
        assertEquals(TokenRejectedException.Kind.INVALID_TOKEN,
                rejection(hs256(claims("alice").build(), "another-secret-that-is-also-32-bytes-long")));

        String[] parts = hs256(claims("alice").build(), SECRET).split("\\.");
        String forgedClaims = Base64URL.encode(claims("bob").build().toString()).toString();
        assertEquals(TokenRejectedException.Kind.INVALID_TOKEN, rejection(parts[0] + "." + forgedClaims + "." + parts[2]));

        String none = new PlainJWT(claims("alice").build()).serialize();
        assertEquals(TokenRejectedException.Kind.INVALID_TOKEN, rejection(none));
        assertEquals(TokenRejectedException.Kind.INVALID_TOKEN, rejection("not-a-jwt"));
        assertEquals(TokenRejectedException.Kind.INVALID_TOKEN, rejection(""));
    }

    @Test
    void anHs256TokenSignedWithThePublicKeyIsRejectedByAKeySetVerifier(@TempDir Path dir) throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("k1").generate();
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(rsa.toPublicJWK()).toString());
        TokenVerifier rsaVerifier = new TokenVerifier(new JwtConfig(null, jwks, null, null, null, Duration.ZERO), clock);
        // the classic algorithm confusion attack: HMAC keyed with the public key's bytes
        String confused = hs256(claims("alice").build(), rsa.toPublicJWK().toJSONString());
        assertThrows(TokenRejectedException.class, () -> rsaVerifier.verify(confused));
    }

    @Test
    void rs256AndEs256TokensVerifyAgainstAJwksFile(@TempDir Path dir) throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(java.util.List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
        TokenVerifier keySet = new TokenVerifier(new JwtConfig(null, jwks, null, "https://id.example", "mqchat",
                Duration.ofSeconds(30)), clock);

        JWTClaimsSet good = claims("alice").issuer("https://id.example").audience("mqchat").build();
        SignedJWT rs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").type(JOSEObjectType.JWT).build(), good);
        rs.sign(new RSASSASigner(rsa));
        SignedJWT es = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(), good);
        es.sign(new ECDSASigner(ec));
        assertEquals("alice", keySet.verify(rs.serialize()).subject());
        assertEquals("alice", keySet.verify(es.serialize()).subject());

        SignedJWT wrongAudience = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                claims("alice").issuer("https://id.example").audience("other-app").build());
        wrongAudience.sign(new RSASSASigner(rsa));
        assertThrows(TokenRejectedException.class, () -> keySet.verify(wrongAudience.serialize()).subject());
        SignedJWT wrongIssuer = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                claims("alice").issuer("https://evil.example").audience("mqchat").build());
        wrongIssuer.sign(new RSASSASigner(rsa));
        assertThrows(TokenRejectedException.class, () -> keySet.verify(wrongIssuer.serialize()).subject());
    }

    @Test
    void aClusterSecretThatIsAlsoTheJwtSecretProvesUsersAndServices() throws Exception {
        InternalServiceKey shared = InternalServiceKey.shared(SECRET);
        TokenVerifier verifier = new TokenVerifier(JwtConfig.hmac(SECRET).withServiceKey(shared), clock);
        TokenMinter minter = new TokenMinter(SECRET, clock);

        assertEquals("alice", verifier.verify(minter.mint("alice", Duration.ofMinutes(5))).subject());
        assertTrue(verifier.verify(minter.mintService("svc-relay", Duration.ofMinutes(5))).service());
    }

    @Test
    void theInternalServiceKeyProvesServiceAccountsButNeverAUser(@TempDir Path dir) throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("idp").generate();
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(rsa.toPublicJWK()).toString());
        InternalServiceKey key = InternalServiceKey.generate(new SecureRandom());
        TokenVerifier withKey = new TokenVerifier(new JwtConfig(null, jwks, null, null, null, Duration.ZERO)
                .withServiceKey(key), clock);
        TokenMinter internal = new TokenMinter(key.secret(), clock);

        Identity worker = withKey.verify(internal.mintService("svc-groups", Duration.ofMinutes(5)));
        assertEquals("svc-groups", worker.subject());
        assertTrue(worker.service());
        // A user's token signed with the internal key: the configured key source (the JWKS) decides, and refuses it.
        assertThrows(TokenRejectedException.class, () -> withKey.verify(internal.mint("alice", Duration.ofMinutes(5))));

        SignedJWT fromIdentityProvider = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("idp").build(),
                claims("alice").build());
        fromIdentityProvider.sign(new RSASSASigner(rsa));
        assertEquals("alice", withKey.verify(fromIdentityProvider.serialize()).subject());
        assertThrows(TokenRejectedException.class, () -> withKey.verify(new TokenMinter(SECRET, clock)
                .mintService("svc-groups", Duration.ofMinutes(5))), "another HMAC key proves nothing");
        assertThrows(TokenRejectedException.class, () -> withKey.verify(internal.mintService("svc-groups",
                Duration.ofMinutes(-5))), "an expired internal token");
    }

    @Test
    void subjectsThatCannotBeUserIdsAreIdentityProblems() throws Exception {
        for (String bad : new String[] {"bo/b", "bo+b", "bo#b", "$bob", "bo b", "bo\u0001b", "b\u200Bob", "bob\u202E",
                "\uFEFF", "\u2066bob", "bo\u0301b"}) {
            assertEquals(TokenRejectedException.Kind.INVALID_IDENTITY, rejection(hs256(claims(bad).build(), SECRET)), bad);
        }
    }
}
