package io.mqchat.presence.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The live redis-server processes of a data folder: those running the binary unpacked in it, as the operating
 * system names their executable. Independent of how EmbeddedRedis finds them.
 */
final class RedisProcesses {

    /** How long a test waits for processes to end before it fails; generous for a busy machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private RedisProcesses() {
    }

    static List<ProcessHandle> of(Path folder) {
        String prefix = folder.toAbsolutePath().normalize() + File.separator + "redis-server";
        // A process that ended (a zombie too) has no executable any more.
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().filter(command -> command.startsWith(prefix)).isPresent())
                .toList();
    }

    /** Waits until none is left; false if some still run after a long while. */
    static boolean awaitNone(Path folder) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!of(folder).isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Every process's command line as {@code ps} shows it to any local user (Linux: /proc/{pid}/cmdline). */
    static List<String> commandLines() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .map(dir -> {
                        try {
                            return new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                                    .replace('\0', ' ');
                        } catch (IOException e) {
                            return ""; // ended meanwhile
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills what a failing test left running, so that nothing outlives the test. */
    static void kill(Path folder) {
        of(folder).forEach(ProcessHandle::destroyForcibly);
    }
}
