package io.mqchat.presence.embedded;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the redis-servers still running on a data folder, left by a JVM that died, so that a new one never runs
 * beside them. A redis-server "of the folder" runs the binary unpacked in that folder (every EmbeddedRedis does);
 * candidates are the pid in the pid file and, for servers of versions that wrote none, every process.
 */
final class OrphanedRedis {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedRedis.class);
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Path PROC_SELF = Path.of("/proc/self");
    private static final Charset NATIVE = Charset.forName(System.getProperty("native.encoding",
            Charset.defaultCharset().name()));

    private OrphanedRedis() {
    }

    /** Stops each one (SIGTERM, so it writes its files; SIGKILL after a grace period) and waits for it to end. */
    static void stopAll(Path dataDir, Path pidFile) throws IOException {
        List<ProcessHandle> orphans = Stream.concat(pidIn(pidFile).stream(), ProcessHandle.allProcesses())
                .filter(process -> servesFolder(process, dataDir))
                .distinct()
                // Oldest first: with several servers on one snapshot, the newest one's snapshot is written last.
                .sorted(Comparator.comparing(process -> process.info().startInstant().orElse(Instant.EPOCH)))
                .toList();
        for (ProcessHandle orphan : orphans) {
            stop(orphan, dataDir);
        }
    }

    private static void stop(ProcessHandle orphan, Path dataDir) throws IOException {
        if (!orphan.destroy() && servesFolder(orphan, dataDir)) {
            throw new IOException("cannot stop the orphaned redis-server (pid " + orphan.pid() + ") on " + dataDir);
        }
        if (!awaitEnd(orphan, dataDir)) {
            orphan.destroyForcibly();
            if (!awaitEnd(orphan, dataDir)) {
                throw new IOException("the orphaned redis-server (pid " + orphan.pid() + ") on " + dataDir
                        + " does not end");
            }
        }
        LOG.warn("Stopped an orphaned redis-server (pid {}) on {}: it had outlived the JVM that started it",
                orphan.pid(), dataDir);
    }

    private static boolean awaitEnd(ProcessHandle process, Path dataDir) throws IOException {
        // Not onExit(): an orphan is nobody's child here, and a zombie its new parent never reaps has ended too.
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (servesFolder(process, dataDir)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while stopping redis-server pid " + process.pid());
            }
        }
        return true;
    }

    static boolean servesFolder(ProcessHandle process, Path dataDir) {
        // May be followed by the rest of the process title redis writes over its arguments ("path host:port").
        String executable = executable(process);
        String prefix = dataDir.toString() + File.separator;
        if (!executable.startsWith(prefix)) {
            return false;
        }
        String name = executable.substring(prefix.length());
        return name.startsWith("redis-server") && name.indexOf(File.separatorChar) < 0;
    }

    private static String executable(ProcessHandle process) {
        if (!Files.isDirectory(PROC_SELF)) {
            return process.info().command().orElse("");
        }
        // Linux: the first argument, as redis keeps it; empty for a process that has ended (or a zombie).
        try {
            byte[] cmdline = Files.readAllBytes(PROC_SELF.resolveSibling(Long.toString(process.pid()))
                    .resolve("cmdline"));
            int end = 0;
            while (end < cmdline.length && cmdline[end] != 0) {
                end++;
            }
            return new String(cmdline, 0, end, NATIVE);
        } catch (IOException e) {
            return "";
        }
    }

    private static Optional<ProcessHandle> pidIn(Path pidFile) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // none, or not a pid: nothing to stop
        }
    }
}
