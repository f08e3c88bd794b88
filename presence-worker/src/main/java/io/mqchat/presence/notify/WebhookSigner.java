package io.mqchat.presence.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests the way Stripe does, so that a push gateway can tell them from forgeries and replays:
 * header {@value #HEADER} = {@code t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{body}"}}, keyed with the UTF-8
 * bytes of {@code notify.webhook-secret} (docs/PROTOCOL.md, Notifications).
 */
public final class WebhookSigner {

    /** The request header that carries the signature. */
    public static final String HEADER = "Mqchat-Signature";
    /** Shortest secret accepted, in bytes: as long as the hash, like an HS256 key. */
    public static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException for a secret shorter than {@value #MIN_SECRET_BYTES} bytes */
    public WebhookSigner(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("notify.webhook-secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** The {@value #HEADER} value for {@code body} sent at {@code unixSeconds}. */
    public String sign(long unixSeconds, byte[] body) {
        Mac mac = mac();
        mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** Two signers are equal when they hold the same secret (compared in constant time). */
    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSigner that && MessageDigest.isEqual(key.getEncoded(), that.key.getEncoded());
    }

    @Override
    public int hashCode() {
        return 0; // never the secret's hash: equal signers still collide, which is all hashCode owes equals
    }

    @Override
    public String toString() {
        return "WebhookSigner[redacted]";
    }
}
