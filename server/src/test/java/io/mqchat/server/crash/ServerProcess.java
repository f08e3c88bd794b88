package io.mqchat.server.crash;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The packaged all-in-one server ({@code server/target/mqchat-server.jar run}) in a JVM of its own, on a data folder
 * that outlives it, so that a test can kill it as the kernel would ({@code kill -9}) and start it again on the same
 * data, with its embedded Redis and MongoDB-wire store.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "mqchat-server.jar").toAbsolutePath();

    private final Process process;
    private final List<String> output = new ArrayList<>();

    private ServerProcess(Process process) {
        this.process = process;
    }

    /** Starts the server with {@code env} (MQCHAT_* settings) and waits for its ready line. */
    public static ServerProcess start(Path dataDir, Map<String, String> env) throws Exception {
        return start(dataDir, env, dataDir.resolveSibling(dataDir.getFileName() + "-server.log"));
    }

    /** As {@link #start(Path, Map)}, with everything the server prints appended to {@code log}. */
    public static ServerProcess start(Path dataDir, Map<String, String> env, Path log) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "the server jar is built before the integration tests: " + JAR);
        Path tmp = Files.createDirectories(dataDir.resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-jar", JAR.toString(), "run",
                // Every log line on the output too: a failed run's log file outlives it (below), the data folder may not.
                "--verbose").redirectErrorStream(true);
        // Only the settings the test chooses: a developer's own MQCHAT_ variables would change ports or keys.
        builder.environment().keySet().removeIf(name -> name.startsWith("MQCHAT_"));
        builder.environment().putAll(env);
        builder.environment().put("MQCHAT_DATA_DIR", dataDir.toString());
        ServerProcess server = new ServerProcess(builder.start());
        Files.createDirectories(log.toAbsolutePath().getParent());
        server.awaitReady(log);
        return server;
    }

    /** Waits for the ready line; everything the server prints is also appended to {@code log}, for a failed run. */
    private void awaitReady(Path log) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
                 java.io.Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                         java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    file.write(line + System.lineSeparator());
                    file.flush();
                }
            } catch (IOException ignored) {
                // the process went away
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        while (true) {
            String line = lines.poll(120, TimeUnit.SECONDS);
            assertTrue(line != null, "the server printed no ready line: " + output);
            synchronized (output) {
                output.add(line);
            }
            if (line.startsWith("mqchat ready:")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (true) {
                            String next = lines.take();
                            synchronized (output) {
                                output.add(next);
                            }
                        }
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                }, "server-output-drain");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
    }

    /** {@code kill -9}: no shutdown hook, no flush, nothing but what the kernel already had. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server died");
    }

    /** SIGTERM: the server's own orderly stop. */
    public void stop() throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server stops on SIGTERM");
    }

    /** Lines printed so far that contain {@code text}. */
    public List<String> linesWith(String text) {
        synchronized (output) {
            return output.stream().filter(line -> line.contains(text)).toList();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
