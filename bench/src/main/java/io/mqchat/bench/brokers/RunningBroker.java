package io.mqchat.bench.brokers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A broker process the benchmark started, and owns until {@link #close()}. */
public final class RunningBroker implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final BrokerSetup setup;
    private final Process process;
    private final int port;
    private final Path folder;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final boolean keepData;

    RunningBroker(BrokerSetup setup, Process process, int port, Path folder, boolean keepData) {
        this.setup = setup;
        this.process = process;
        this.port = port;
        this.folder = folder;
        this.keepData = keepData;
        if (setup.kind().jvm()) {
            Thread reader = new Thread(this::readAnswers, "broker-stdout");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void readAnswers() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("READY") || line.startsWith("STATS")) {
                    answers.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended; waiters time out and say so
        }
    }

    /** Waits for the broker's READY line; false if it died or took longer than {@code timeout}. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        String line = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return line != null && line.startsWith("READY");
    }

    public BrokerSetup setup() {
        return setup;
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public Path folder() {
        return folder;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Live heap and direct memory after a full GC (JVM brokers only; null for Mosquitto). */
    public HeapStats heap() {
        if (!setup.kind().jvm()) {
            return null;
        }
        try {
            command("stats");
            String line = answers.poll(60, TimeUnit.SECONDS);
            return line == null ? null : HeapStats.parse(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void command(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new IllegalStateException("broker " + setup.label() + " is gone", e);
        }
    }

    /**
     * Stops the broker: cleanly (a JVM broker flushes persistence and writes its JFR file), else by force. Then
     * deletes its persistence (hundreds of MB after a file-mode run) unless asked to keep it; logs, config and
     * the JFR file stay.
     */
    @Override
    public void close() {
        try {
            if (setup.kind().jvm()) {
                command("stop");
            } else {
                process.destroy();
            }
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (RuntimeException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (!keepData && !process.isAlive()) {
            delete(folder.resolve("data"));
            delete(folder.resolve("tmp"));
            delete(folder.resolve("mosquitto.db"));
        }
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // leftovers in a build folder are harmless
        }
    }
}
