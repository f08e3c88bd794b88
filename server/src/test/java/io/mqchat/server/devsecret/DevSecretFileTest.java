package io.mqchat.server.devsecret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSecretFileTest {

    @TempDir
    Path dir;

    private final DevSecretFile secrets = new DevSecretFile(new SecureRandom());

    @Test
    void secretIsCreatedOnceOwnerOnlyAndReused() throws IOException {
        Path file = dir.resolve("data/dev-jwt-secret");

        String first = secrets.loadOrCreate(file);
        String second = secrets.loadOrCreate(file);

        assertEquals(first, second);
        assertEquals(32, Base64.getUrlDecoder().decode(first).length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var leftovers = Files.list(file.getParent())) {
            assertEquals(1, leftovers.count(), "no temporary file left behind");
        }
    }

    @Test
    void existingSecretIsKeptAsWritten() throws IOException {
        Path file = dir.resolve("dev-jwt-secret");
        Files.writeString(file, "an-existing-secret-that-is-long-enough-for-hs256\n");

        assertEquals("an-existing-secret-that-is-long-enough-for-hs256", secrets.loadOrCreate(file));
    }

    @Test
    void truncatedSecretFileIsReportedNotUsed() throws IOException {
        Path file = dir.resolve("dev-jwt-secret");
        Files.writeString(file, "short");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> secrets.loadOrCreate(file));

        assertTrue(e.getMessage().contains("delete the file"), e.getMessage());
    }
}
