package io.mqchat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileLocatorTest {

    @TempDir
    Path dir;

    @Test
    void commandLineBeatsEnvironmentAndDefaultFile() throws IOException {
        Files.writeString(dir.resolve("mqchat.properties"), "");

        Optional<Path> file = ConfigFileLocator.locate(Path.of("cli.properties"),
                Map.of("MQCHAT_CONFIG", "env.properties"), dir);

        assertEquals(Optional.of(dir.resolve("cli.properties")), file);
    }

    @Test
    void environmentBeatsDefaultFile() throws IOException {
        Files.writeString(dir.resolve("mqchat.properties"), "");

        Optional<Path> file = ConfigFileLocator.locate(null, Map.of("MQCHAT_CONFIG", "env.properties"), dir);

        assertEquals(Optional.of(dir.resolve("env.properties")), file);
    }

    @Test
    void defaultFileIsUsedOnlyWhenItExists() throws IOException {
        assertEquals(Optional.empty(), ConfigFileLocator.locate(null, Map.of(), dir));

        Files.writeString(dir.resolve("mqchat.properties"), "");

        assertEquals(Optional.of(dir.resolve("mqchat.properties")), ConfigFileLocator.locate(null, Map.of(), dir));
    }
}
