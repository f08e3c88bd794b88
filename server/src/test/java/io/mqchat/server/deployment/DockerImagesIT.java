package io.mqchat.server.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The images stay buildable where no Docker engine runs: after packaging, everything each Dockerfile copies
 * exists, and the build context (.dockerignore) lets it through. Runs after the modules were packaged.
 */
class DockerImagesIT {

    private static final Path ROOT = DeploymentFilesTest.ROOT;

    @Test
    void everyFileTheDockerfilesCopyIsProducedByTheBuildAndInTheBuildContext() throws IOException {
        List<String> sources = new ArrayList<>();
        for (String module : List.of("broker-extension", "server", "presence-worker", "group-worker",
                "archive-worker")) {
            for (String line : Files.readAllLines(ROOT.resolve(module).resolve("Dockerfile"))) {
                if (line.startsWith("COPY ")) {
                    List<String> words = new ArrayList<>(Arrays.asList(line.substring(5).trim().split("\\s+")));
                    words.removeIf(word -> word.startsWith("--"));
                    sources.addAll(words.subList(0, words.size() - 1));
                }
            }
        }
        List<String> allowed = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .filter(line -> line.startsWith("!")).map(line -> line.substring(1)).toList();
        for (String source : sources) {
            assertFalse(matches(source).isEmpty(), source + " does not exist: was the module packaged?");
            assertTrue(allowed.stream().anyMatch(pattern -> source.equals(pattern) || source.startsWith(pattern)
                    || glob(pattern).matches(Path.of(source))), source + " is excluded by .dockerignore");
        }
    }

    private static List<Path> matches(String source) throws IOException {
        PathMatcher matcher = glob(source);
        try (Stream<Path> files = Files.walk(ROOT.resolve(source.substring(0, source.indexOf('/'))), 3)) {
            return files.map(ROOT::relativize).filter(matcher::matches).toList();
        }
    }

    private static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }
}
