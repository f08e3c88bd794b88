package io.mqchat.media.metadata;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes an image is stored and served as, without the uploader's metadata.
 *
 * @param bytes  the image
 * @param sha256 lowercase hex SHA-256 of {@code bytes}, which recipients check their download with
 */
public record StrippedImage(byte[] bytes, String sha256) {

    static StrippedImage of(byte[] bytes) {
        try {
            return new StrippedImage(bytes, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
