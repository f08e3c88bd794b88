package io.mqchat.extension.config;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random HS256 key that lives only in the memory of one all-in-one server run and signs only the service tokens of
 * its in-process workers (or, for the nodes of a cluster, a key they share: {@link #shared}). The broker accepts it for service accounts alone, so the server runs with a JWKS (whose
 * private keys it never holds) and still mints its workers' credentials; a restart makes a new one.
 */
public final class InternalServiceKey {

    /** 256 bits: HS256 wants a key at least as long as its hash (RFC 7518 section 3.2). */
    private static final int KEY_BYTES = 32;

    private final String secret;

    private InternalServiceKey(String secret) {
        this.secret = secret;
    }

    /** A fresh key from {@code random}, e.g. a {@link SecureRandom}. */
    public static InternalServiceKey generate(SecureRandom random) {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return new InternalServiceKey(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * The key the nodes of a cluster share ({@code cluster.secret}): each node's relays and workers sign their service
     * tokens with it, and every node accepts them.
     *
     * @throws IllegalArgumentException when shorter than 32 bytes
     */
    public static InternalServiceKey shared(String secret) {
        if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < KEY_BYTES) {
            throw new IllegalArgumentException("cluster.secret must be at least " + KEY_BYTES + " bytes");
        }
        return new InternalServiceKey(secret);
    }

    /** The key as an HMAC secret: never write it to a file or a log. */
    public String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "InternalServiceKey[redacted]";
    }
}
