package io.mqchat.bench.procfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's one-minute load average from {@code /proc/loadavg}: on a shared machine it says how many other
 * runnable tasks a phase competed with, which the CPU shares alone do not (a waiting task uses no CPU).
 */
public final class LoadAverage {

    private LoadAverage() {
    }

    /** The one-minute load average now, or NaN where the file cannot be read. */
    public static double oneMinute() {
        try {
            return parse(Files.readString(Path.of("/proc/loadavg")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The first field of a {@code /proc/loadavg} line, e.g. {@code "3.52 2.10 1.40 2/812 4242"}. */
    static double parse(String line) {
        return Double.parseDouble(line.trim().split("\\s+")[0]);
    }
}
