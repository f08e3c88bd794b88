package io.mqchat.bench.procfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU time from {@code /proc/stat}: with it a report can say how busy the machine was
 * with work other than the broker and the load generator.
 *
 * @param busyNanos CPU time spent on anything but idle and I/O wait, over all cores
 * @param cores     online cores
 */
public record MachineSample(long busyNanos, int cores) {

    public static MachineSample now() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            return new MachineSample(busyNanos(first), Runtime.getRuntime().availableProcessors());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/stat", e);
        }
    }

    /** user nice system idle iowait irq softirq steal ...: everything but idle (4) and iowait (5). */
    static long busyNanos(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy * ProcessSample.NANOS_PER_TICK;
    }
}
