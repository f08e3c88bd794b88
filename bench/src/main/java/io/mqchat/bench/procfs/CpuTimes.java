package io.mqchat.bench.procfs;

import java.util.ArrayList;
import java.util.List;

/**
 * CPU time of several processes, one figure each (from {@code /proc/<pid>/stat}): with two of them an interval says
 * how the work was shared, e.g. between the nodes of a cluster and their registry.
 *
 * @param cpuNanos user + system CPU time of each process so far, in the order asked for
 */
public record CpuTimes(List<Long> cpuNanos) {

    public CpuTimes {
        cpuNanos = List.copyOf(cpuNanos);
    }

    public static CpuTimes of(List<Long> pids) {
        return new CpuTimes(pids.stream().map(pid -> ProcessSample.of(pid).cpuNanos()).toList());
    }

    /** Each process's CPU time since {@code earlier} (the same processes, in the same order). */
    public List<Long> nanosSince(CpuTimes earlier) {
        if (earlier.cpuNanos.size() != cpuNanos.size()) {
            throw new IllegalArgumentException("not the same processes");
        }
        List<Long> since = new ArrayList<>(cpuNanos.size());
        for (int i = 0; i < cpuNanos.size(); i++) {
            since.add(cpuNanos.get(i) - earlier.cpuNanos.get(i));
        }
        return since;
    }

    /** Each process's CPU since {@code earlier} as % of one core over {@code wallNanos}. */
    public List<Double> percentSince(CpuTimes earlier, long wallNanos) {
        return nanosSince(earlier).stream().map(nanos -> 100.0 * nanos / Math.max(1, wallNanos)).toList();
    }
}
