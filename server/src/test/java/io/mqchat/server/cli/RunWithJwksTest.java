package io.mqchat.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.extension.config.InternalServiceKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mqchat run} with only an identity provider's JWKS: no secret to sign the workers' tokens with, so the run
 * makes an internal service key, which proves its workers and nobody else.
 */
class RunWithJwksTest {

    /** A bound on waiting so a broken server fails the test instead of hanging it; never a measurement. */
    private static final long GIVE_UP_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void runWithOnlyAJwksStartsItsWorkersAndRefusesUserTokensSignedWithTheInternalKey() throws Exception {
        RSAKey identityProvider = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        Files.writeString(dir.resolve("jwks.json"), new JWKSet(identityProvider.toPublicJWK()).toString());
        int mqttPort = freePort();
        Map<String, String> env = Map.of("MQCHAT_JWT_JWKS_FILE", "jwks.json",
                "MQCHAT_MQTT_PORT", String.valueOf(mqttPort), "MQCHAT_WEBSOCKET_PORT", "0",
                "MQCHAT_METRICS_PORT", "0", "MQCHAT_MEDIA_PORT", "0");
        // The run draws its internal key from this source, so the test can sign with the very key the workers use.
        CliHarness server = new CliHarness(env, dir, Clock.systemUTC(), new ConstantRandom());
        InternalServiceKey runKey = InternalServiceKey.generate(new ConstantRandom());

        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> server.execute("run"));
        CompletableFuture.anyOf(server.stop.serving, run).get(GIVE_UP_SECONDS, TimeUnit.SECONDS);
        assertFalse(run.isDone(), "run ended early: " + server.err() + server.out());
        try {
            assertFalse(server.out().contains("development JWT secret"), server.out());
            try (ChatFlow flow = new ChatFlow(mqttPort, user -> rs256(identityProvider, user))) {
                flow.oneToOneWithReceipts("signed by the identity provider");
                flow.typingAndPresence();
                flow.groupMessage("the group-worker is connected");
                flow.refused("mallory", new TokenMinter(runKey.secret(), Clock.systemUTC())
                        .mint("mallory", Duration.ofHours(1)));
            }
        } finally {
            server.stop.stop();
        }
        assertEquals(ExitCodes.OK, run.get(GIVE_UP_SECONDS, TimeUnit.SECONDS), server.err());
        assertFalse(server.out().contains(runKey.secret()), "the internal key is never shown");
        assertFalse(server.err().contains(runKey.secret()), "the internal key is never shown");
        try (Stream<Path> files = Files.walk(dir)) {
            assertTrue(files.filter(Files::isRegularFile).noneMatch(file -> contains(file, runKey.secret())),
                    "the internal key is never written to disk");
        }
    }

    private static String rs256(RSAKey key, String user) {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject(user).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false; // a file that went away while the server stopped
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The same bytes every time: two of them make the same key. */
    private static final class ConstantRandom extends SecureRandom {
        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0x5a);
        }
    }
}
