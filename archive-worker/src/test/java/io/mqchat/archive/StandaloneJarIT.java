package io.mqchat.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.spi.ImageReaderSpi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone jar the image copies is complete on its own: what the process loads is in it, ImageIO finds the
 * WebP reader through its merged service files, and it runs as {@code java -jar}.
 */
class StandaloneJarIT {

    private static final Path JAR = standaloneJar();

    @Test
    void theJarAloneHoldsTheWorkerTheMediaEndpointTheTokenCheckAndTheMetrics() throws Exception {
        try (URLClassLoader jar = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : List.of("io.mqchat.archive.ArchiveWorkerMain", "io.mqchat.media.MediaService",
                    "io.mqchat.extension.auth.TokenVerifier", "io.mqchat.extension.metrics.MetricsEndpoint",
                    "io.prometheus.metrics.core.metrics.GaugeWithCallback", "ch.qos.logback.classic.Logger")) {
                Class.forName(name, false, jar);
            }
            List<String> readers = ServiceLoader.load(ImageReaderSpi.class, jar).stream()
                    .map(provider -> provider.type().getName()).toList();
            assertTrue(readers.contains("com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi"), readers.toString());
        }
    }

    @Test
    void itRunsAsJavaJarAndRefusesTheMediaEndpointWithoutATokenKey(@TempDir Path dir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()).directory(dir.toFile()).redirectErrorStream(true);
        // Only these variables: an MQCHAT_* one of the machine running the build must not change the outcome.
        builder.environment().clear();
        builder.environment().putAll(Map.of("MQCHAT_MONGO_URI", "mongodb://127.0.0.1:1", "MQCHAT_SERVICE_TOKEN", "t0k"));
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("jwt.secret (MQCHAT_JWT_SECRET) is required"), output);
    }

    private static Path standaloneJar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("mqchat-archive-worker-.*-standalone\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no standalone jar: was the module packaged?"));
        } catch (IOException e) {
            throw new AssertionError("no target folder: was the module packaged?", e);
        }
    }
}
