package io.mqchat.server.devsecret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The development JWT secret: generated once, kept in the data folder, readable by its owner only. It lets
 * {@code mqchat run} start with no configuration, and {@code mqchat token} mint tokens that server accepts.
 */
public final class DevSecretFile {

    /** Name of the file in the data folder. */
    public static final String FILE_NAME = "dev-jwt-secret";
    private static final int SECRET_BYTES = 32;

    private final SecureRandom random;

    public DevSecretFile(SecureRandom random) {
        this.random = random;
    }

    /** The secret stored in {@code file}, generating and storing a new one when the file does not exist yet. */
    public String loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (secret.length() < SECRET_BYTES) {
                throw new IllegalStateException("the development secret in " + file
                        + " is too short; delete the file to generate a new one");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development secret " + file, e);
        }
    }

    private void create(Path file) throws IOException {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Written under a temporary name with owner-only rights from the start, then renamed: the secret is
        // never readable by others, and a concurrent `token` and `run` agree on one secret.
        Path partial = Files.createTempFile(dir, FILE_NAME, ".tmp", ownerOnly());
        try {
            Files.writeString(partial, secret + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file);
        } catch (FileAlreadyExistsException e) {
            // Another process won the race; its secret is the one to use.
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }
}
