package io.mqchat.server.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Reads the repository's compose files for the tests that check them where no Docker engine runs. */
public final class YamlFiles {

    /** The repository's root, seen from a module's folder. */
    public static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private YamlFiles() {
    }

    /** The YAML document of {@code file}, relative to the repository's root. */
    public static Map<String, Object> load(String file) {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} as a mapping; fails the test when it is not one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, "a mapping: " + value);
        return (Map<String, Object>) value;
    }

    /** {@code value} as a list; fails the test when it is not one. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        assertTrue(value instanceof List, "a list: " + value);
        return (List<Object>) value;
    }
}
