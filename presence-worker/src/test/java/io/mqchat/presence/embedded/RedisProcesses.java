package io.mqchat.presence.embedded;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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

    /** Kills what a failing test left running, so that nothing outlives the test. */
    static void kill(Path folder) {
        of(folder).forEach(ProcessHandle::destroyForcibly);
    }
}
