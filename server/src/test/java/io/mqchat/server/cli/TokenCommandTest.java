package io.mqchat.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

    private static final String SECRET = "a-configured-secret-of-at-least-32-bytes!";
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void tokenVerifiesAgainstTheConfiguredSecretWithIssuerAndAudience() throws Exception {
        Path file = dir.resolve("mqchat.properties");
        Files.writeString(file, "jwt.secret=" + SECRET + "\njwt.issuer=https://id.example\njwt.audience=mqchat\n");
        CliHarness cli = new CliHarness(Map.of(), dir, CLOCK);

        int code = cli.execute("token", "alice", "--ttl", "2h", "--config", file.toString());

        assertEquals(ExitCodes.OK, code, cli.err());
        SignedJWT jwt = SignedJWT.parse(cli.out().trim());
        assertTrue(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8))));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("alice", claims.getSubject());
        assertEquals("https://id.example", claims.getIssuer());
        assertEquals(List.of("mqchat"), claims.getAudience());
        assertEquals(NOW.plus(Duration.ofHours(2)), claims.getExpirationTime().toInstant());
        assertEquals("", cli.err(), "no notes when a secret is configured");
    }

    @Test
    void withoutConfigurationTokenIsSignedWithTheDevelopmentSecretTheServerUses() throws Exception {
        CliHarness cli = new CliHarness(Map.of("MQCHAT_DATA_DIR", "state"), dir, CLOCK);

        int code = cli.execute("token", "alice");

        assertEquals(ExitCodes.OK, code, cli.err());
        String devSecret = Files.readString(dir.resolve("state/dev-jwt-secret")).trim();
        SignedJWT jwt = SignedJWT.parse(cli.out().trim());
        assertTrue(jwt.verify(new MACVerifier(devSecret.getBytes(StandardCharsets.UTF_8))));
        assertEquals(NOW.plus(Duration.ofHours(24)), jwt.getJWTClaimsSet().getExpirationTime().toInstant());
        assertTrue(cli.err().contains("development secret"), cli.err());
    }

    @Test
    void tokenIsRefusedWhenOnlyAJwksIsConfigured() {
        CliHarness cli = new CliHarness(Map.of("MQCHAT_JWT_JWKS_URL", "https://id.example/jwks.json"), dir, CLOCK);

        int code = cli.execute("token", "alice");

        assertEquals(ExitCodes.CONFIG, code);
        assertEquals("", cli.out());
        assertTrue(cli.err().contains("identity provider"), cli.err());
    }

    @Test
    void impossibleUserIdIsRejectedWithoutAStackTrace() {
        CliHarness cli = new CliHarness(Map.of("MQCHAT_JWT_SECRET", SECRET), dir, CLOCK);

        int code = cli.execute("token", "bob/../alice");

        assertEquals(ExitCodes.CONFIG, code);
        assertEquals("", cli.out());
        assertTrue(cli.err().contains("invalid user id"), cli.err());
        assertFalse(cli.err().contains("\tat "), cli.err());
    }

    @Test
    void malformedTtlIsAUsageError() {
        CliHarness cli = new CliHarness(Map.of("MQCHAT_JWT_SECRET", SECRET), dir, CLOCK);

        int code = cli.execute("token", "alice", "--ttl", "10x");

        assertEquals(ExitCodes.CONFIG, code);
        assertTrue(cli.err().contains("'10x' is not a duration"), cli.err());
    }
}
