package io.mqchat.bench.procfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of a process's threads, grouped by thread name with numbers stripped ({@code nioEventLoopGroup-3-1}
 * and {@code -3-2} count together), from {@code /proc/<pid>/task}. Tells which part of a broker (network,
 * persistence, GC, JIT) was busy, including the threads a Java profiler does not sample.
 *
 * @param nanosByGroup CPU time per thread group
 */
public record ThreadCpu(Map<String, Long> nanosByGroup) {

    public static ThreadCpu of(long pid) {
        Map<String, Long> groups = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    groups.merge(group(name), ProcessSample.cpuNanosFromStat(stat), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between listing and reading
                }
            });
        } catch (IOException e) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(groups);
    }

    /** The thread groups of several processes added up by name, e.g. the nodes of a cluster as one broker. */
    public static ThreadCpu sum(List<ThreadCpu> processes) {
        Map<String, Long> groups = new HashMap<>();
        processes.forEach(process -> process.nanosByGroup.forEach((group, nanos) -> groups.merge(group, nanos, Long::sum)));
        return new ThreadCpu(groups);
    }

    static String group(String threadName) {
        return threadName.replaceAll("[0-9]+", "#");
    }

    /** CPU time since {@code earlier} of the groups whose name {@code belongs}, e.g. one component's threads. */
    public long nanosSince(ThreadCpu earlier, java.util.function.Predicate<String> belongs) {
        return nanosByGroup.entrySet().stream().filter(e -> belongs.test(e.getKey()))
                .mapToLong(e -> Math.max(0, e.getValue() - earlier.nanosByGroup.getOrDefault(e.getKey(), 0L))).sum();
    }

    /** The {@code n} busiest groups since {@code earlier}, as % of one core over {@code wallNanos}. */
    public Map<String, Double> busiestSince(ThreadCpu earlier, long wallNanos, int n) {
        Map<String, Double> out = new LinkedHashMap<>();
        nanosByGroup.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - earlier.nanosByGroup.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n)
                .forEach(e -> out.put(e.getKey(), Math.round(1000.0 * e.getValue() / wallNanos) / 10.0));
        return out;
    }
}
