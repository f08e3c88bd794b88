package io.mqchat.bench.procfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of one process, read from {@code /proc/<pid>}: what the process itself used,
 * whatever the JVM inside thinks of its heap.
 *
 * @param cpuNanos user + system CPU time so far
 * @param rssBytes resident set size
 */
public record ProcessSample(long cpuNanos, long rssBytes) {

    /** Linux's USER_HZ, fixed at 100 on every mainstream architecture. */
    static final long NANOS_PER_TICK = 10_000_000L;

    public static ProcessSample of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            return new ProcessSample(cpuNanosFromStat(stat), rssFromStatus(status));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc for process " + pid, e);
        }
    }

    /** utime + stime (fields 14 and 15), counted after the parenthesised command name, which may hold spaces. */
    static long cpuNanosFromStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    }

    static long rssFromStatus(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
            }
        }
        return 0;
    }
}
