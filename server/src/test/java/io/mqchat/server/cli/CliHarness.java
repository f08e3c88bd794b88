package io.mqchat.server.cli;

import io.mqchat.server.shutdown.StopSignal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** Runs mqchat commands in-process with a chosen environment and working directory, capturing their output. */
final class CliHarness {

    private final Map<String, String> env;
    private final Path workingDir;
    private final Clock clock;
    private final SecureRandom random;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final ManualStop stop = new ManualStop();
    final AtomicReference<Path> tempFolder = new AtomicReference<>();

    CliHarness(Map<String, String> env, Path workingDir, Clock clock) {
        this(env, workingDir, clock, new SecureRandom());
    }

    /** With a chosen source of keys, so that a test knows the key a run makes. */
    CliHarness(Map<String, String> env, Path workingDir, Clock clock, SecureRandom random) {
        this.env = env;
        this.workingDir = workingDir;
        this.clock = clock;
        this.random = random;
    }

    int execute(String... args) {
        return MqchatCli.execute(args, context());
    }

    /** Runs a command that reads what is typed in {@code terminal} ({@code chat}). */
    int execute(LocalTerminal terminal, String... args) {
        return MqchatCli.execute(args, context(), terminal);
    }

    private ProcessContext context() {
        return new ProcessContext(env, workingDir, clock, random,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> stop, tempFolder::set);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A stop signal the test pulls; it reports when the server has started serving. */
    static final class ManualStop implements StopSignal {

        final CompletableFuture<Void> serving = new CompletableFuture<>();
        private final CountDownLatch stopRequested = new CountDownLatch(1);

        @Override
        public void await() throws InterruptedException {
            serving.complete(null);
            stopRequested.await();
        }

        void stop() {
            stopRequested.countDown();
        }

        @Override
        public void close() {
        }
    }
}
